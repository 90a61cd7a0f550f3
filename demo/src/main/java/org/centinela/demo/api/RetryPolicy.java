package org.centinela.demo.api;

import java.time.Duration;
import java.util.Optional;

/**
 * When the demo sends a request again, as a careful client of the API would: after a 429 as long as Retry-After
 * says; after a network error, a 408 or a 5xx with a doubling backoff; never after another 4xx (the request itself is
 * wrong, and sending it again changes nothing). Every retry repeats the same Idempotency-Key, so none can duplicate.
 */
public final class RetryPolicy {

    /** Status of a request that got no answer (connection refused or reset, timeout). */
    public static final int NO_ANSWER = 0;

    static final int MAX_ATTEMPTS = 8;
    /** A rate limit is waited out, not given up on; the cap only ends a loop against a server that never lets go. */
    static final int MAX_RATE_LIMITED_ATTEMPTS = 100;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    private RetryPolicy() {
    }

    /**
     * The wait before attempt {@code attempt + 1}, or empty to give up.
     *
     * @param attempt    the attempt that just failed, from 1
     * @param status     its HTTP status, or {@link #NO_ANSWER}
     * @param retryAfter its Retry-After header (seconds), or null
     */
    public static Optional<Duration> next(int attempt, int status, String retryAfter) {
        if (status == 429) {
            return attempt >= MAX_RATE_LIMITED_ATTEMPTS ? Optional.empty() : Optional.of(retryAfter(retryAfter, attempt));
        }
        boolean transientFailure = status == NO_ANSWER || status == 408 || status >= 500;
        if (!transientFailure || attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        return Optional.of(backoff(attempt));
    }

    private static Duration retryAfter(String header, int attempt) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                return Duration.ofSeconds(Math.max(1, Math.min(seconds, MAX_RETRY_AFTER.toSeconds())));
            } catch (NumberFormatException e) {
                // An HTTP-date or garbage: back off as for any transient failure.
            }
        }
        return backoff(attempt);
    }

    private static Duration backoff(int attempt) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
