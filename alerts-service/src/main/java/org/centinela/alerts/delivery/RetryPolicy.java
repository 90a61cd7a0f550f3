package org.centinela.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential backoff from a base, capped, until a deadline counted from the notification's creation. */
public final class RetryPolicy {

    private final Duration base;
    private final Duration cap;
    private final Duration giveUpAfter;

    public RetryPolicy(Duration base, Duration cap, Duration giveUpAfter) {
        this.base = base;
        this.cap = cap;
        this.giveUpAfter = giveUpAfter;
    }

    public static RetryPolicy from(DeliveryConfig config) {
        return new RetryPolicy(config.retryBase(), config.retryCap(), config.giveUpAfter());
    }

    /** Whether an HTTP answer can succeed later: 5xx, 408 and 429 can; other 4xx will not (SPEC §9). */
    public static boolean retryable(Integer httpStatus) {
        if (httpStatus == null) {
            return true;
        }
        return httpStatus >= 500 || httpStatus == 408 || httpStatus == 429 || httpStatus < 400;
    }

    /** The wait after the {@code failures}-th failed attempt: base, 2·base, 4·base … up to the cap. */
    public Duration delayAfter(int failures) {
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /** When to try again after {@code failures} failures, or empty when that would be past the deadline. */
    public Optional<Instant> nextAttempt(Instant createdAt, int failures, Instant now) {
        Instant next = now.plus(delayAfter(failures));
        return next.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
