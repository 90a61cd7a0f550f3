package org.centinela.intake.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "centinela.rate-limit")
public interface RateLimitConfig {

    /** Requests per minute one organisation may make to the incidents API (a burst of as many is allowed). */
    @WithDefault("600")
    int requestsPerMinute();
}
