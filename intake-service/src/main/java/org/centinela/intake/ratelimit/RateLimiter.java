package org.centinela.intake.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.centinela.platform.problem.Problem;
import org.jboss.logging.Logger;

/** Requests per minute per organisation (per intake instance); over the limit → 429 with {@code Retry-After}. */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    private final int requestsPerMinute;
    private final LongSupplier clock;
    private final Map<UUID, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(RateLimitConfig config) {
        this(config.requestsPerMinute(), System::nanoTime);
    }

    RateLimiter(int requestsPerMinute, LongSupplier clock) {
        this.requestsPerMinute = requestsPerMinute;
        this.clock = clock;
    }

    /** Counts one request of {@code organisationId}; throws a 429 problem when it is over its limit. */
    public void acquire(UUID organisationId) {
        TokenBucket bucket = buckets.computeIfAbsent(organisationId, id -> new TokenBucket(requestsPerMinute, clock.getAsLong()));
        OptionalLong retryAfter;
        synchronized (bucket) {
            retryAfter = bucket.take(clock.getAsLong());
        }
        if (retryAfter.isPresent()) {
            LOG.debugf("Rate limit reached [organisationId=%s]", organisationId);
            Response problem = Problem.of(429, "Too Many Requests",
                    "More than " + requestsPerMinute + " requests per minute from this organisation").toResponse();
            throw new RateLimitedException(Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong()).build());
        }
    }
}
