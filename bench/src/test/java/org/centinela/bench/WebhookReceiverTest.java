package org.centinela.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** A webhook counts only when signed with the team's secret (SPEC §5), like a responder's bridge would check. */
class WebhookReceiverTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void recordsCorrectlySignedAlertsAndCountsTheOthers() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("team-secret")) {
            String raised = "{\"event\":\"alert.raised\",\"incidentId\":\"a1\"}";
            String other = "{\"event\":\"alert.raised\",\"incidentId\":\"b2\"}";
            assertEquals(204, post(receiver, raised, "sha256=" + hmac("team-secret", raised)));
            assertEquals(204, post(receiver, other, "sha256=" + hmac("another-secret", other)));
            assertEquals(204, post(receiver, other, null));

            assertTrue(receiver.firstRaised().containsKey("a1"));
            assertEquals(1, receiver.firstRaised().size());
            assertEquals(2, receiver.badSignatures());
            assertEquals(3, receiver.requests());
        }
    }

    private int post(WebhookReceiver receiver, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.url())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Centinela-Signature", signature);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
