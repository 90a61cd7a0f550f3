package org.centinela.platform.security;

import java.util.List;

/**
 * The bootstrap admin token opens everything and never expires, so outside the dev and test profiles it must be
 * long enough not to be guessed: at least {@value #MIN_LENGTH} characters. The dev profile's published
 * {@code dev-admin-token} is thereby refused in production too.
 */
final class AdminTokenRule {

    static final int MIN_LENGTH = 32;
    private static final List<String> RELAXED_PROFILES = List.of("dev", "test");

    private AdminTokenRule() {
    }

    /** Throws, naming the variable, when {@code token} is too short for the active profiles. */
    static void check(String token, List<String> activeProfiles) {
        boolean relaxed = activeProfiles.stream().anyMatch(RELAXED_PROFILES::contains);
        if (!relaxed && token.length() < MIN_LENGTH) {
            throw new IllegalStateException("CENTINELA_ADMIN_TOKEN must have at least " + MIN_LENGTH
                    + " characters outside the dev and test profiles (active: " + String.join(",", activeProfiles)
                    + "); generate one, e.g. with: openssl rand -hex 32");
        }
    }
}
