package org.centinela.intake.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.core.Response;
import org.centinela.platform.metrics.MetricNames;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keeps the 429's Retry-After header, which the generic WebApplicationException mapper would drop, and counts it. */
public class RateLimitedMapper {

    private final Counter limited;

    public RateLimitedMapper(MeterRegistry registry, MetricNames names) {
        this.limited = Counter.builder(names.of("rate_limited_requests_total"))
                .description("Requests refused with 429 because an organisation was over its rate limit").register(registry);
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        limited.increment();
        return e.getResponse();
    }
}
