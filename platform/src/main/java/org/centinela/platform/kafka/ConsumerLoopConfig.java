package org.centinela.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every consumer loop of a service retries and when readiness calls it stalled. */
@ConfigMapping(prefix = "centinela.consumer")
public interface ConsumerLoopConfig {

    /** Longest pause before a failed batch is offered again (the pause doubles from 200 ms up to this). */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long a loop may make no progress while records wait before readiness is DOWN. */
    @WithDefault("60s")
    Duration stallAfter();
}
