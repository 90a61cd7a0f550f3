package org.centinela.platform.crypto;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of {@link FieldCipher}. A mapping rather than loose properties so that SmallRye Config maps the
 * environment variables of the retired keys ({@code CENTINELA_ENCRYPTION_RETIRED_KEYS_<ID>}) onto the map: a map read
 * by prefix from {@code Config} never sees them.
 */
@ConfigMapping(prefix = "centinela.encryption")
public interface EncryptionConfig {

    /**
     * {@code CENTINELA_ENCRYPTION_KEY}: base64 of 32 bytes, the key new values are encrypted under. Optional here
     * only because reporting-service holds no ciphertext; {@link FieldCipher} refuses to start without it.
     */
    Optional<String> key();

    /** {@code CENTINELA_ENCRYPTION_KEY_ID}: the id stored with every value encrypted under {@link #key()}. */
    @WithDefault("k1")
    String keyId();

    /**
     * {@code CENTINELA_ENCRYPTION_RETIRED_KEYS_<ID>}: keys by id that still decrypt but encrypt nothing new: the
     * keys of earlier rotations (until re-encryption has moved their values) and, on a rolling rotation, the next key
     * before it becomes current.
     */
    Map<String, String> retiredKeys();
}
