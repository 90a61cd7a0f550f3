package org.centinela.demo.receiver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final byte[] BODY = "{\"event\":\"alert.raised\",\"reference\":\"PE-2026-000001\",\"priority\":\"CRITICAL\"}"
            .getBytes(StandardCharsets.UTF_8);
    // printf '%s' "$BODY" | openssl dgst -sha256 -hmac team-secret
    private static final String SIGNATURE = "sha256=00820b69731804632a8a0b1fc129e46122e09414481a8c5afc3c7532eef231e8";
    // the same with -hmac another-secret
    private static final String OTHER_SECRETS = "sha256=9d50bbeda896be64c8d0e3068508f0ab543fa37428a01094bee4b3fa7de252c6";

    private final WebhookReceiver receiver = new WebhookReceiver("team-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void aNotificationSignedWithTheTeamsSecretIsValidAndAnyOtherIsNot() {
        assertTrue(receiver.signed(BODY, SIGNATURE));
        assertTrue(receiver.signed(BODY, "sha256=" + SIGNATURE.substring("sha256=".length()).toUpperCase()));
        assertFalse(receiver.signed(BODY, OTHER_SECRETS));
        assertFalse(receiver.signed("{}".getBytes(StandardCharsets.UTF_8), SIGNATURE));
        assertFalse(receiver.signed(BODY, null));
        assertFalse(receiver.signed(BODY, SIGNATURE.substring("sha256=".length())));
    }

    @Test
    void theLogLineNamesTheEventTheReferenceAndTheSignatureCheck() {
        String line = WebhookReceiver.line(3, BODY, false, "d-1");

        assertTrue(line.contains("#3 alert.raised PE-2026-000001 CRITICAL"), line);
        assertTrue(line.contains("signature=INVALID [deliveryId=d-1]"), line);
    }
}
