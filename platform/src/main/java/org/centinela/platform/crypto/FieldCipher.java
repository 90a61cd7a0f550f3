package org.centinela.platform.crypto;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM under a key from the environment
 * ({@code CENTINELA_ENCRYPTION_KEY}, base64 of 32 bytes). Each value carries the id of its key
 * ({@code <keyId>:<base64 of nonce|ciphertext|tag>}, the id also bound as associated data), so keys can rotate: new
 * values use the current key, values under a retired key still decrypt while that key is configured
 * ({@code CENTINELA_ENCRYPTION_RETIRED_KEYS_<ID>}), and {@link #reencrypt} moves them to the current one.
 * Created at start-up, so that a missing or malformed key stops the service before it serves anything.
 */
@Startup
@ApplicationScoped
public class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    @Inject
    public FieldCipher(EncryptionConfig config) {
        this(config.key().orElseThrow(() -> new IllegalStateException(
                        "CENTINELA_ENCRYPTION_KEY (centinela.encryption.key) is required: base64 of 32 random bytes")),
                config.keyId(), config.retiredKeys());
    }

    FieldCipher(String currentKey, String currentKeyId, Map<String, String> retiredKeys) {
        this.currentKeyId = KeyIds.check(currentKeyId, "CENTINELA_ENCRYPTION_KEY_ID");
        KeyIds.retired(retiredKeys, this.currentKeyId, "CENTINELA_ENCRYPTION_RETIRED_KEYS_<ID>")
                .forEach((id, key) -> keys.put(id, aesKey(id, key)));
        keys.put(this.currentKeyId, aesKey(this.currentKeyId, currentKey));
    }

    public static FieldCipher withKey(String keyId, String base64Key) {
        return new FieldCipher(base64Key, keyId, Map.of());
    }

    /** The id new values are encrypted under. */
    public String currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int colon = stored.indexOf(':');
        String keyId = colon < 0 ? "" : stored.substring(0, colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Value encrypted under key id '" + keyId + "', which is not configured: set "
                    + "CENTINELA_ENCRYPTION_RETIRED_KEYS_" + keyId.toUpperCase(Locale.ROOT) + " to that key");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored value could not be decrypted (wrong key or tampered)", e);
        }
    }

    /** Whether {@code stored} (null counts as current) is already under the current key. */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentKeyId + ":");
    }

    /** {@code stored} under the current key: itself when it already is, else decrypted and encrypted again. */
    public String reencrypt(String stored) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored));
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Encryption key " + id + " is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("Encryption key " + id + " must be 32 bytes (AES-256), got " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
