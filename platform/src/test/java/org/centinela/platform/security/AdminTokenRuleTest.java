package org.centinela.platform.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AdminTokenRuleTest {

    private static final String LONG = "0123456789abcdef0123456789abcdef";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of("prod"), "dev-admin-token", false),
                Arguments.of(List.of("prod"), LONG.substring(1), false),
                Arguments.of(List.of("prod"), LONG, true),
                Arguments.of(List.of("staging"), "short", false),
                Arguments.of(List.of("dev"), "dev-admin-token", true),
                Arguments.of(List.of("test"), "test-admin-token", true));
    }

    @ParameterizedTest(name = "{0} with a token of {1}: accepted {2}")
    @MethodSource("cases")
    void outsideDevAndTestTheAdminTokenHasAtLeast32Characters(List<String> profiles, String token, boolean accepted) {
        if (accepted) {
            assertDoesNotThrow(() -> AdminTokenRule.check(token, profiles));
        } else {
            assertThrows(IllegalStateException.class, () -> AdminTokenRule.check(token, profiles));
        }
    }
}
