package org.centinela.platform.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

/**
 * Issues and verifies Centinela's bearer tokens: JWTs signed with HMAC-SHA256 under a key that the three
 * services share ({@code CENTINELA_TOKEN_SIGNING_KEY}), so a token issued by any service is accepted by all.
 * Only the key is kept; a token is shown once to its holder and never stored.
 */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "centinela";
    private static final int MIN_KEY_BYTES = 32;

    private final String signingKey;
    private final Duration lifetime;
    private final JwtConsumer consumer;

    public TokenService(@ConfigProperty(name = "centinela.token-signing-key") String signingKey,
                        @ConfigProperty(name = "centinela.token-lifetime", defaultValue = "P3650D") Duration lifetime) {
        if (signingKey.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalStateException("centinela.token-signing-key (CENTINELA_TOKEN_SIGNING_KEY) must have at least "
                    + MIN_KEY_BYTES + " bytes for HMAC-SHA256");
        }
        this.signingKey = signingKey;
        this.lifetime = lifetime;
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(signingKey.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setExpectedIssuer(ISSUER)
                .setRequireSubject()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** A new token for {@code principalId} acting as {@code role}. */
    public String issue(UUID principalId, String role) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .subject(principalId.toString())
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .signWithSecret(signingKey);
    }

    /** The caller a token stands for, or empty when its signature, issuer, expiry or claims are not right. */
    public Optional<Caller> verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            if (groups == null || groups.size() != 1) {
                return Optional.empty();
            }
            return Optional.of(new Caller(groups.get(0), UUID.fromString(claims.getSubject())));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
