package org.centinela.platform.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String KEY = "a-signing-key-of-at-least-32-bytes!!";
    private static final String NEXT_KEY = "another-signing-key-of-32-bytes-or-more";

    private final TokenService tokens = withKey("t1", KEY);

    private static TokenService withKey(String id, String key) {
        return new TokenService(id, key, Map.of(), Duration.ofDays(1));
    }

    /** The token service a service builds from these environment variables, mapped as Quarkus maps them. */
    private static TokenService fromEnvironment(Map<String, String> environment) {
        return new TokenService(config(environment));
    }

    private static TokenConfig config(Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(TokenConfig.class)
                .build().getConfigMapping(TokenConfig.class);
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    private static long lifetimeSeconds(String token) throws Exception {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(claims);
        return tree.get("exp").asLong() - tree.get("iat").asLong();
    }

    @Test
    void aTokenIssuedByOneServiceIsAcceptedByAnotherWithTheSameKey() {
        UUID organisation = UUID.randomUUID();
        String token = tokens.issue(organisation, Role.REPORTER);

        Optional<Caller> caller = withKey("t1", KEY).verify(token);

        assertEquals(Optional.of(new Caller(Role.REPORTER, organisation)), caller);
        assertEquals(Optional.of(organisation), caller.get().organisationId());
    }

    @Test
    void aTokenNamesItsSigningKey() {
        String token = withKey("t7", KEY).issue(UUID.randomUUID(), Role.VIEWER);

        assertTrue(header(token).contains("\"kid\":\"t7\""), header(token));
    }

    @Test
    void aTokenSignedBeforeARotationStillVerifiesWhileItsKeyIsRetiredAndNoLongerOnceItIsRemoved() {
        String before = fromEnvironment(Map.of("CENTINELA_TOKEN_SIGNING_KEY", KEY)).issue(UUID.randomUUID(), Role.REPORTER);

        TokenService rotated = fromEnvironment(Map.of(
                "CENTINELA_TOKEN_SIGNING_KEY", NEXT_KEY,
                "CENTINELA_TOKEN_SIGNING_KEY_ID", "t2",
                "CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_T1", KEY));
        TokenService retiredKeyRemoved = fromEnvironment(Map.of(
                "CENTINELA_TOKEN_SIGNING_KEY", NEXT_KEY,
                "CENTINELA_TOKEN_SIGNING_KEY_ID", "t2"));

        assertTrue(rotated.verify(before).isPresent());
        String after = rotated.issue(UUID.randomUUID(), Role.REPORTER);
        assertTrue(header(after).contains("\"kid\":\"t2\""), header(after));
        assertTrue(retiredKeyRemoved.verify(after).isPresent());
        assertFalse(retiredKeyRemoved.verify(before).isPresent());
    }

    @Test
    void aTokenWithoutKidFromBeforeKeyIdsIsVerifiedWithTheLegacyKey() {
        UUID principal = UUID.randomUUID();
        String legacy = Jwt.issuer(TokenService.ISSUER).subject(principal.toString()).groups(Set.of(Role.RESPONDER))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).signWithSecret(KEY);
        assertFalse(header(legacy).contains("kid"), header(legacy));

        TokenService rotated = new TokenService("t2", NEXT_KEY, Map.of(TokenService.LEGACY_KEY_ID, KEY), Duration.ofDays(1));

        assertEquals(Optional.of(new Caller(Role.RESPONDER, principal)), rotated.verify(legacy));
        assertTrue(withKey("t2", KEY).verify(legacy).isEmpty(), "the same key under another id is not the legacy key");
    }

    @Test
    void aTokenClaimingAnUnknownKeyOrSignedWithAnotherKeyIsRefused() {
        String otherKey = withKey("t1", NEXT_KEY).issue(UUID.randomUUID(), Role.ADMIN);
        String unknownKid = withKey("t9", KEY).issue(UUID.randomUUID(), Role.ADMIN);

        assertTrue(tokens.verify(otherKey).isEmpty());
        assertTrue(tokens.verify(unknownKid).isEmpty());
    }

    @Test
    void theLifetimeIsConfigurableAndAYearByDefault() throws Exception {
        String byDefault = fromEnvironment(Map.of("CENTINELA_TOKEN_SIGNING_KEY", KEY)).issue(UUID.randomUUID(), Role.VIEWER);
        String configured = fromEnvironment(Map.of("CENTINELA_TOKEN_SIGNING_KEY", KEY, "CENTINELA_TOKEN_LIFETIME", "P90D"))
                .issue(UUID.randomUUID(), Role.VIEWER);

        assertEquals(Duration.ofDays(365).toSeconds(), lifetimeSeconds(byDefault));
        assertEquals(Duration.ofDays(90).toSeconds(), lifetimeSeconds(configured));
        assertThrows(IllegalStateException.class, () -> fromEnvironment(Map.of(
                "CENTINELA_TOKEN_SIGNING_KEY", KEY, "CENTINELA_TOKEN_LIFETIME", "PT0S")));
    }

    @Test
    void anExpiredOrTamperedTokenIsRefused() {
        String expired = new TokenService("t1", KEY, Map.of(), Duration.ofMinutes(-5)).issue(UUID.randomUUID(), Role.VIEWER);
        String token = tokens.issue(UUID.randomUUID(), Role.VIEWER);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];

        assertTrue(tokens.verify(expired).isEmpty());
        assertTrue(tokens.verify(tampered).isEmpty());
        assertTrue(tokens.verify("not-a-token").isEmpty());
    }

    @Test
    void aTokenVerifiedBeforeIsRefusedOnceItExpiresAlthoughItsVerificationIsRemembered() {
        TokenService shortLived = new TokenService("t1", KEY, Map.of(), Duration.ofSeconds(1), 0);
        String token = shortLived.issue(UUID.randomUUID(), Role.REPORTER);
        assertTrue(shortLived.verify(token).isPresent());
        assertTrue(shortLived.verify(token).isPresent(), "remembered");
        await().atMost(Duration.ofSeconds(5)).until(() -> shortLived.verify(token).isEmpty());
    }

    @Test
    void aShortSigningKeyCurrentOrRetiredFailsStartUp() {
        assertThrows(IllegalStateException.class, () -> withKey("t1", "short"));
        assertThrows(IllegalStateException.class, () -> new TokenService("t2", KEY, Map.of("t1", "short"), Duration.ofDays(1)));
    }
}
