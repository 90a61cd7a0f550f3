package org.centinela.intake.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong(0);
    final RateLimiter limiter = new RateLimiter(60, now::get);
    final UUID org = UUID.randomUUID();

    @Test
    void allowsABurstOfTheLimitThenAnswers429WithRetryAfter() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire(org);
        }
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> limiter.acquire(org));
        assertEquals(429, limited.getResponse().getStatus());
        assertEquals("1", limited.getResponse().getHeaderString("Retry-After"));
        assertEquals("application/problem+json", limited.getResponse().getMediaType().toString());
    }

    @Test
    void refillsAtTheLimitPerMinute() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire(org);
        }
        now.addAndGet(1_000_000_000L); // one second: one request at 60/min
        limiter.acquire(org);
        assertThrows(RateLimitedException.class, () -> limiter.acquire(org));
    }

    @Test
    void organisationsHaveSeparateBuckets() {
        for (int i = 0; i < 60; i++) {
            limiter.acquire(org);
        }
        limiter.acquire(UUID.randomUUID());
    }

    @Test
    void retryAfterGrowsWithASlowerLimit() {
        RateLimiter slow = new RateLimiter(2, now::get);
        slow.acquire(org);
        slow.acquire(org);
        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> slow.acquire(org));
        assertEquals("30", limited.getResponse().getHeaderString("Retry-After"));
    }
}
