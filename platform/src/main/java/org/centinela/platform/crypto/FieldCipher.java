package org.centinela.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts sensitive fields at rest with AES-256-GCM under a key from the environment
 * ({@code CENTINELA_ENCRYPTION_KEY}, base64 of 32 bytes). Each value carries the id of its key
 * ({@code <keyId>:<base64 of nonce|ciphertext|tag>}), so keys can rotate: new values use the current key,
 * values under a retired key still decrypt while that key is listed in
 * {@code centinela.encryption-retired-keys.<keyId>}.
 */
@ApplicationScoped
public class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String RETIRED_PREFIX = "centinela.encryption-retired-keys.";

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    @Inject
    public FieldCipher(@ConfigProperty(name = "centinela.encryption-key") String currentKey,
                       @ConfigProperty(name = "centinela.encryption-key-id", defaultValue = "k1") String currentKeyId,
                       Config config) {
        this(currentKey, currentKeyId, retiredKeys(config));
    }

    FieldCipher(String currentKey, String currentKeyId, Map<String, String> retiredKeys) {
        this.currentKeyId = currentKeyId;
        retiredKeys.forEach((id, key) -> keys.put(id, aesKey(id, key)));
        keys.put(currentKeyId, aesKey(currentKeyId, currentKey));
    }

    public static FieldCipher withKey(String keyId, String base64Key) {
        return new FieldCipher(base64Key, keyId, Map.of());
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
        SecretKey key = colon < 0 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("Value encrypted under an unknown key id; configure centinela.encryption-retired-keys");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(stored.substring(0, colon).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Stored value could not be decrypted (wrong key or tampered)", e);
        }
    }

    private static Map<String, String> retiredKeys(Config config) {
        Map<String, String> retired = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(RETIRED_PREFIX)) {
                retired.put(name.substring(RETIRED_PREFIX.length()), config.getValue(name, String.class));
            }
        }
        return retired;
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
