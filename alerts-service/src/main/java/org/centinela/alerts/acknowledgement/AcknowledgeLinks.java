package org.centinela.alerts.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.centinela.platform.security.TokenConfig;

/**
 * Signs and reads one-click acknowledge links: {@code base64url(alertId|teamId|channel|language|linkId|expires)} "."
 * {@code base64url(HMAC-SHA256)}. The link id is its delivery's id, which makes each link single-use on its own
 * ({@code acknowledge_link_use}); {@code teamId} "-" = the coordinators' channel.
 */
@ApplicationScoped
public class AcknowledgeLinks {

    /** What a link says, once its signature holds. */
    public record Link(UUID alertId, UUID teamId, String channel, String language, UUID linkId, Instant expires) {

        public boolean expiredAt(Instant now) {
            return !now.isBefore(expires);
        }
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    public AcknowledgeLinks(AcknowledgeLinkConfig config, TokenConfig tokens) {
        this.key = config.key().map(value -> value.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> hmac(tokens.signingKey().getBytes(StandardCharsets.UTF_8),
                        "centinela acknowledge links".getBytes(StandardCharsets.UTF_8)));
    }

    public String token(UUID alertId, UUID teamId, String channel, String language, UUID linkId, Instant expires) {
        String payload = String.join("|", alertId.toString(), teamId == null ? "-" : teamId.toString(), channel,
                language, linkId.toString(), Long.toString(expires.getEpochSecond()));
        String encoded = ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + ENCODER.encodeToString(hmac(key, encoded.getBytes(StandardCharsets.UTF_8)));
    }

    /** The link of a token whose signature holds and whose alert is {@code alertId}; empty for anything else. */
    public Optional<Link> read(UUID alertId, String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String encoded = token.substring(0, dot);
        byte[] expected = ENCODER.encode(hmac(key, encoded.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
            Link link = new Link(UUID.fromString(fields[0]), "-".equals(fields[1]) ? null : UUID.fromString(fields[1]),
                    fields[2], fields[3], UUID.fromString(fields[4]), Instant.ofEpochSecond(Long.parseLong(fields[5])));
            return link.alertId().equals(alertId) ? Optional.of(link) : Optional.empty();
        } catch (RuntimeException e) {
            // Signed by us but unreadable cannot happen; anything else was refused by the signature already.
            return Optional.empty();
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
