package org.centinela.alerts.reencryption;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.centinela.platform.crypto.EncryptionConfig;
import org.centinela.platform.crypto.FieldCipher;
import org.junit.jupiter.api.Test;

class AlertsCipherTablesTest {

    private static final String K1 = "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    private static final String K2 = "cm90YXRpb24tdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";

    private static final FieldCipher ROTATED = new FieldCipher(new EncryptionConfig() {
        @Override
        public Optional<String> key() {
            return Optional.of(K2);
        }

        @Override
        public String keyId() {
            return "k2";
        }

        @Override
        public Map<String, String> retiredKeys() {
            return Map.of("k1", K1);
        }
    });

    @Test
    void everyWebhookSecretOfATeamMovesToTheCurrentKeyAndTheRestOfItsChannelsStaysAsItIs() throws Exception {
        FieldCipher before = FieldCipher.withKey("k1", K1);
        String channels = "[{\"type\":\"EMAIL\",\"address\":\"a@brigada.test\"},"
                + "{\"type\":\"WEBHOOK\",\"url\":\"https://a.example/hook\",\"secret\":\"" + before.encrypt("s1") + "\"},"
                + "{\"type\":\"WEBHOOK\",\"url\":\"https://b.example/hook\",\"secret\":\"" + ROTATED.encrypt("s2") + "\"}]";

        JsonNode moved = new ObjectMapper().readTree(AlertsCipherTables.channelSecrets(ROTATED, channels));

        assertThat(moved.get(0).toString()).isEqualTo("{\"type\":\"EMAIL\",\"address\":\"a@brigada.test\"}");
        assertThat(moved.get(1).get("url").asText()).isEqualTo("https://a.example/hook");
        assertThat(moved.get(1).get("secret").asText()).startsWith("k2:");
        assertThat(ROTATED.decrypt(moved.get(1).get("secret").asText())).isEqualTo("s1");
        assertThat(moved.get(2).get("secret").asText()).isEqualTo(new ObjectMapper().readTree(channels).get(2).get("secret").asText());
    }

    @Test
    void thePreviousSecretOfAChannelInRotationMovesToTheCurrentKeyToo() throws Exception {
        FieldCipher before = FieldCipher.withKey("k1", K1);
        String channels = "[{\"type\":\"WEBHOOK\",\"url\":\"https://a.example/hook\",\"secret\":\"" + before.encrypt("new")
                + "\",\"previousSecret\":\"" + before.encrypt("old") + "\"}]";

        JsonNode moved = new ObjectMapper().readTree(AlertsCipherTables.channelSecrets(ROTATED, channels)).get(0);

        assertThat(moved.get("previousSecret").asText()).startsWith("k2:");
        assertThat(ROTATED.decrypt(moved.get("previousSecret").asText())).isEqualTo("old");
        assertThat(ROTATED.decrypt(moved.get("secret").asText())).isEqualTo("new");
    }

    @Test
    void channelsWithNothingToMoveAreReturnedAsTheSameText() {
        String channels = "[ {\"type\":\"EMAIL\",\"address\":\"a@brigada.test\"} ]";

        assertThat(AlertsCipherTables.channelSecrets(ROTATED, channels)).isSameAs(channels);
    }
}
