package org.centinela.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String KEY = "a-signing-key-of-at-least-32-bytes!!";

    private final TokenService tokens = new TokenService(KEY, Duration.ofDays(1));

    @Test
    void aTokenIssuedByOneServiceIsAcceptedByAnotherWithTheSameKey() {
        UUID organisation = UUID.randomUUID();
        String token = tokens.issue(organisation, Role.REPORTER);

        Optional<Caller> caller = new TokenService(KEY, Duration.ofDays(1)).verify(token);

        assertEquals(Optional.of(new Caller(Role.REPORTER, organisation)), caller);
        assertEquals(Optional.of(organisation), caller.get().organisationId());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String token = new TokenService("another-signing-key-of-32-bytes-or-more", Duration.ofDays(1))
                .issue(UUID.randomUUID(), Role.ADMIN);

        assertTrue(tokens.verify(token).isEmpty());
    }

    @Test
    void anExpiredOrTamperedTokenIsRefused() {
        String expired = new TokenService(KEY, Duration.ofMinutes(-5)).issue(UUID.randomUUID(), Role.VIEWER);
        String token = tokens.issue(UUID.randomUUID(), Role.VIEWER);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "xx." + parts[2];

        assertTrue(tokens.verify(expired).isEmpty());
        assertTrue(tokens.verify(tampered).isEmpty());
        assertTrue(tokens.verify("not-a-token").isEmpty());
    }

    @Test
    void aShortSigningKeyFailsStartUp() {
        assertThrows(IllegalStateException.class, () -> new TokenService("short", Duration.ofDays(1)));
    }
}
