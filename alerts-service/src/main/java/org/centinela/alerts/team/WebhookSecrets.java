package org.centinela.alerts.team;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The HMAC key of a webhook secret. Standard Webhooks serialises a secret as {@code whsec_} and the base64 of 24 to 64
 * random bytes, and signs with the decoded bytes; a secret in any other form (teams registered before) signs with
 * its UTF-8 bytes, which a receiver's Standard Webhooks library takes as {@code whsec_} + base64 of them.
 */
public final class WebhookSecrets {

    static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;

    private WebhookSecrets() {
    }

    public static byte[] key(String secret) {
        return secret.startsWith(PREFIX)
                ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Why a secret in the {@code whsec_} form cannot sign; empty for a usable one (or one in another form). */
    public static Optional<String> refusal(String secret) {
        if (!secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            int length = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            return length >= MIN_KEY_BYTES && length <= MAX_KEY_BYTES ? Optional.empty()
                    : Optional.of("a whsec_ secret must be the base64 of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, not " + length);
        } catch (IllegalArgumentException e) {
            return Optional.of("a whsec_ secret must be base64 after the prefix");
        }
    }
}
