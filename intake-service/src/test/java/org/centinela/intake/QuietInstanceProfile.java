package org.centinela.intake;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * An intake instance without its own outbox relay (tests drive relays themselves) and with a low rate limit.
 * Shared by the tests that need either, so that Quarkus starts once for them.
 */
public class QuietInstanceProfile implements QuarkusTestProfile {

    public static final int REQUESTS_PER_MINUTE = 45;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "centinela.outbox.relay-enabled", "false",
                "centinela.rate-limit.requests-per-minute", String.valueOf(REQUESTS_PER_MINUTE));
    }
}
