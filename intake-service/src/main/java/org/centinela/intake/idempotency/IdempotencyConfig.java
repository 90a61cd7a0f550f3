package org.centinela.intake.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "centinela.idempotency")
public interface IdempotencyConfig {

    /** How long an Idempotency-Key and its answer are kept; SPEC §9 promises at least 24 h. */
    @WithDefault("48h")
    Duration retention();
}
