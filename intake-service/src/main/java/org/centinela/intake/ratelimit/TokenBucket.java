package org.centinela.intake.ratelimit;

import java.util.OptionalLong;

/**
 * A token bucket: {@code capacity} requests at once, refilled at {@code capacity} per minute. Not thread-safe on
 * its own; {@link RateLimiter} synchronises on it.
 */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(int capacity, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Empty when a request may go ahead now; otherwise the whole seconds until one may. */
    OptionalLong take(long now) {
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return OptionalLong.empty();
        }
        double nanosToWait = (1 - tokens) / tokensPerNano;
        return OptionalLong.of(Math.max(1, (long) Math.ceil(nanosToWait / 1_000_000_000d)));
    }
}
