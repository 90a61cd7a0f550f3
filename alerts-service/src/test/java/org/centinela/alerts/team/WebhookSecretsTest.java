package org.centinela.alerts.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSecretsTest {

    @ParameterizedTest(name = "{0} bytes after whsec_ → usable: {1}")
    @CsvSource({"23, false", "24, true", "32, true", "64, true", "65, false"})
    void aWhsecSecretSignsOnlyWithTwentyFourToSixtyFourBytes(int bytes, boolean usable) {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);

        assertThat(WebhookSecrets.refusal(secret).isEmpty()).isEqualTo(usable);
    }

    @ParameterizedTest(name = "''{0}'' → refused: {1}")
    @CsvSource({"whsec_not*base64, true", "whsec_, true", "any-secret-of-before, false", "WHSEC_abc, false"})
    void onlyTheWhsecFormIsHeldToItsRules(String secret, boolean refused) {
        assertThat(WebhookSecrets.refusal(secret).isPresent()).isEqualTo(refused);
    }

    @ParameterizedTest(name = "key of ''{0}''")
    @CsvSource({"whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYX, AAECAwQFBgcICQoLDA0ODxAREhMUFRYX",
            "plain-secret, cGxhaW4tc2VjcmV0"})
    void theKeyIsTheDecodedWhsecBytesOrElseTheUtf8Bytes(String secret, String keyBase64) {
        assertThat(WebhookSecrets.key(secret)).isEqualTo(Base64.getDecoder().decode(keyBase64));
    }
}
