package org.centinela.alerts.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Centinela-Signature}: {@code sha256=} and the hex HMAC-SHA256 of the exact body bytes. */
public final class Signature {

    public static final String HEADER = "X-Centinela-Signature";
    public static final String DELIVERY_HEADER = "X-Centinela-Delivery";
    public static final String EVENT_HEADER = "X-Centinela-Event";

    private Signature() {
    }

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
