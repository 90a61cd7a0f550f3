package org.centinela.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardSignatureTest {

    // The Standard Webhooks specification's published test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void reproducesTheSpecificationsTestVector() {
        assertThat(StandardSignature.of("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY, List.of(SECRET)))
                .isEqualTo(SIGNATURE);
    }

    @Test
    void twoSecretsGiveTwoSpaceSeparatedSignaturesTheCurrentFirst() {
        String both = StandardSignature.of("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY,
                List.of("whsec_" + "A".repeat(32), SECRET));

        assertThat(both.split(" ")).hasSize(2).endsWith(SIGNATURE).allMatch(entry -> entry.startsWith("v1,"));
    }
}
