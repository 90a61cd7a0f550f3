package org.centinela.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The keys that sign and verify bearer tokens, the same on the three services. A mapping so that the environment
 * variables of retired keys ({@code CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_<ID>}) reach the map.
 */
@ConfigMapping(prefix = "centinela.token")
public interface TokenConfig {

    /** {@code CENTINELA_TOKEN_SIGNING_KEY}: HMAC-SHA256 key (at least 32 bytes) that signs new tokens. */
    String signingKey();

    /** {@code CENTINELA_TOKEN_SIGNING_KEY_ID}: the {@code kid} new tokens carry. */
    @WithDefault(TokenService.LEGACY_KEY_ID)
    String signingKeyId();

    /**
     * {@code CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_<ID>}: keys by {@code kid} that still verify the tokens they
     * signed but sign nothing new.
     */
    Map<String, String> retiredSigningKeys();

    /** {@code CENTINELA_TOKEN_LIFETIME}: how long a new token is valid. The bootstrap admin token does not expire. */
    @WithDefault("P365D")
    Duration lifetime();
}
