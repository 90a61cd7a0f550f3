package org.centinela.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/centinela start --prod: the prod profile's secrets are generated once, shown once, kept private and reused. */
class LocalProdSecretsTest {

    @TempDir
    Path checkout;

    @Test
    void theSecretsAreGeneratedOnceIntoAFileOnlyTheOwnerReadsPrintedThatOnceAndReusedAfter() throws Exception {
        Path script = checkout.resolve("bin/centinela");
        Files.createDirectories(script.getParent());
        Files.copy(RunningSystem.ROOT.resolve("bin/centinela"), script);
        script.toFile().setExecutable(true);

        String first = run(script);
        Path file = checkout.resolve(".run/prod.env");
        String generated = Files.readString(file);
        String second = run(script);

        Map<String, String> secrets = new HashMap<>();
        for (String line : generated.strip().split("\n")) {
            secrets.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(secrets.get("CENTINELA_ADMIN_TOKEN").length() >= 32, generated);
        assertTrue(secrets.get("CENTINELA_TOKEN_SIGNING_KEY").getBytes(StandardCharsets.UTF_8).length >= 32, generated);
        assertEquals(32, Base64.getDecoder().decode(secrets.get("CENTINELA_ENCRYPTION_KEY")).length, generated);
        assertTrue(first.contains(secrets.get("CENTINELA_ADMIN_TOKEN")), "shown once: " + first);
        assertFalse(second.contains(secrets.get("CENTINELA_ADMIN_TOKEN")), "and only once: " + second);
        assertEquals(generated, Files.readString(file), "reused, not generated again");
    }

    private static String run(Path script) throws Exception {
        Process process = new ProcessBuilder(script.toString(), "prod-env").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
