package org.centinela.platform.security;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.centinela.platform.crypto.KeyIds;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Issues and verifies Centinela's bearer tokens: JWTs signed with HMAC-SHA256 under keys that the three services
 * share, so a token issued by any service is accepted by all. Each token names its key in the {@code kid} header;
 * new tokens are signed with the current key, and tokens of a retired key keep verifying until that key is removed,
 * so a rotation does not invalidate every token at once. Tokens from before key ids existed carry no {@code kid}
 * and are verified with the key whose id is {@value #LEGACY_KEY_ID}. Only keys are kept; a token is shown once to
 * its holder and never stored.
 */
@Startup
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "centinela";
    /** The id of the one key there was before tokens carried a {@code kid}; also the default current id. */
    public static final String LEGACY_KEY_ID = "t1";
    private static final int MIN_KEY_BYTES = 32;
    private static final int ALLOWED_CLOCK_SKEW_SECONDS = 30;
    private static final long VERIFIED_FOR_SECONDS = 300;
    private static final int VERIFIED_MAX = 10_000;

    private final String signingKeyId;
    private final String signingKey;
    private final Duration lifetime;
    private final Map<String, Key> verificationKeys = new HashMap<>();
    private final JwtConsumer consumer;
    private final int clockSkewSeconds;
    /**
     * Tokens verified lately, by their text. A client sends the same token with every request, and checking its
     * signature and claims was about 6 % of intake's CPU per incident (bench/RESULTS.md). An entry lasts until its
     * token expires (with the skew the full check allows), at most {@value #VERIFIED_FOR_SECONDS} s; only tokens
     * that passed are kept, so forged ones cannot fill it, and it is emptied at {@value #VERIFIED_MAX} entries.
     * Revocation is never cached: {@link BearerTokenIdentityProvider} asks {@link RevokedPrincipals} every time.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Caller caller, long notAfterEpochSecond) {
    }

    @Inject
    public TokenService(TokenConfig config) {
        this(config.signingKeyId(), config.signingKey(), config.retiredSigningKeys(), positive(config.lifetime()));
    }

    TokenService(String signingKeyId, String signingKey, Map<String, String> retiredKeys, Duration lifetime) {
        this(signingKeyId, signingKey, retiredKeys, lifetime, ALLOWED_CLOCK_SKEW_SECONDS);
    }

    TokenService(String signingKeyId, String signingKey, Map<String, String> retiredKeys, Duration lifetime,
                 int clockSkewSeconds) {
        this.clockSkewSeconds = clockSkewSeconds;
        this.signingKeyId = KeyIds.check(signingKeyId, "CENTINELA_TOKEN_SIGNING_KEY_ID");
        this.signingKey = signingKey;
        this.lifetime = lifetime;
        KeyIds.retired(retiredKeys, this.signingKeyId, "CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_<ID>")
                .forEach((id, key) -> verificationKeys.put(id, hmacKey(id, key)));
        verificationKeys.put(this.signingKeyId, hmacKey(this.signingKeyId, signingKey));
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver((jws, nesting) -> {
                    String kid = jws.getKeyIdHeaderValue() == null ? LEGACY_KEY_ID : jws.getKeyIdHeaderValue();
                    Key key = verificationKeys.get(kid);
                    if (key == null) {
                        throw new UnresolvableKeyException("No signing key with id " + kid);
                    }
                    return key;
                })
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedIssuer(ISSUER)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** A new token for {@code principalId} acting as {@code role}, signed with the current key. */
    public String issue(UUID principalId, String role) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(principalId.toString())
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .jws().keyId(signingKeyId)
                .signWithSecret(signingKey);
    }

    /** The caller a token stands for, or empty when its key, signature, issuer, expiry or claims are not right. */
    public Optional<Caller> verify(String token) {
        long now = Instant.now().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.notAfterEpochSecond()) {
                return Optional.of(known.caller());
            }
            verified.remove(token);
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            if (groups == null || groups.size() != 1) {
                return Optional.empty();
            }
            Caller caller = new Caller(groups.get(0), UUID.fromString(claims.getSubject()));
            if (verified.size() >= VERIFIED_MAX) {
                verified.clear();
            }
            verified.put(token, new Verified(caller, Math.min(now + VERIFIED_FOR_SECONDS,
                    claims.getExpirationTime().getValue() + clockSkewSeconds)));
            return Optional.of(caller);
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static HmacKey hmacKey(String id, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("Token signing key " + id + " (CENTINELA_TOKEN_SIGNING_KEY or a retired key) "
                    + "must have at least " + MIN_KEY_BYTES + " bytes for HMAC-SHA256");
        }
        return new HmacKey(bytes);
    }

    private static Duration positive(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalStateException("CENTINELA_TOKEN_LIFETIME must be positive, got " + lifetime);
        }
        return lifetime;
    }
}
