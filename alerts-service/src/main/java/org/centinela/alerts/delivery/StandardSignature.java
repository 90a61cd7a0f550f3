package org.centinela.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.centinela.alerts.team.WebhookSecrets;

/**
 * Standard Webhooks' symmetric signature: {@code webhook-id} (the delivery id, the same on every retry),
 * {@code webhook-timestamp} (the attempt's epoch seconds) and {@code webhook-signature}, one
 * {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">} per secret, space-separated (two while a secret
 * is rotated). Signed per attempt, since the timestamp is the attempt's.
 */
public final class StandardSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private StandardSignature() {
    }

    public static String of(String id, long timestamp, byte[] body, List<String> secrets) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        return secrets.stream().map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, prefix, body)))
                .collect(Collectors.joining(" "));
    }

    private static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
