package org.centinela.demo.seed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.centinela.demo.api.CentinelaApi.Principal;

/**
 * What a rerun of the demo needs to add nothing: the principals it created (their tokens are shown only once) and
 * the dataset's last day. Kept as JSON under .run/, readable by its owner only, since it holds tokens.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DemoState(LocalDate until, Principal organisation, Principal emailTeam, Principal webhookTeam,
                        String webhookUrl, Principal viewer) {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public static DemoState load(Path file, LocalDate today) throws IOException {
        if (!Files.exists(file)) {
            return new DemoState(today, null, null, null, null, null);
        }
        return JSON.readValue(file.toFile(), DemoState.class);
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    DemoState withOrganisation(Principal value) {
        return new DemoState(until, value, emailTeam, webhookTeam, webhookUrl, viewer);
    }

    DemoState withEmailTeam(Principal value) {
        return new DemoState(until, organisation, value, webhookTeam, webhookUrl, viewer);
    }

    DemoState withWebhookTeam(Principal value, String url) {
        return new DemoState(until, organisation, emailTeam, value, url, viewer);
    }

    DemoState withViewer(Principal value) {
        return new DemoState(until, organisation, emailTeam, webhookTeam, webhookUrl, value);
    }
}
