package org.centinela.alerts.reencryption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.centinela.platform.crypto.CipherTable;
import org.centinela.platform.crypto.CipherTable.Column;
import org.centinela.platform.crypto.CipherTables;
import org.centinela.platform.crypto.FieldCipher;

/** Every ciphertext alerts-service stores: webhook secrets (current and previous), in the teams' channels and in each delivery's copy. */
@ApplicationScoped
public class AlertsCipherTables implements CipherTables {

    // The channels column is written by Team with a plain mapper; the same reads and writes it here.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SECRET_FIELDS = List.of("secret", "previousSecret", "botToken");

    @Override
    public List<CipherTable> tables() {
        return List.of(
                CipherTable.of("team", List.of("id"), new Column("channels", AlertsCipherTables::channelSecrets)),
                CipherTable.of("delivery", List.of("id"), Column.ciphertext("secret"),
                        Column.ciphertext("previous_secret")));
    }

    /** The channels JSON with every {@code secret} and {@code previousSecret} under the current key; the very same text when none moved. */
    static String channelSecrets(FieldCipher cipher, String channels) {
        try {
            JsonNode list = JSON.readTree(channels);
            boolean moved = false;
            for (JsonNode channel : list) {
                for (String field : SECRET_FIELDS) {
                    JsonNode secret = channel.get(field);
                    if (secret != null && secret.isTextual() && !cipher.isCurrent(secret.asText())) {
                        ((ObjectNode) channel).put(field, cipher.reencrypt(secret.asText()));
                        moved = true;
                    }
                }
            }
            return moved ? JSON.writeValueAsString(list) : channels;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A team's channels are not readable JSON", e);
        }
    }
}
