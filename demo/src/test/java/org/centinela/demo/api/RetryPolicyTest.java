package org.centinela.demo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    @ParameterizedTest(name = "attempt {0}, status {1}, Retry-After {2} → {3}")
    @CsvSource(nullValues = "none", value = {
            // a rate limit: as long as Retry-After says, at least 1 s, at most 60 s
            "1, 429, 7, PT7S",
            "1, 429, 0, PT1S",
            "1, 429, 3600, PT1M",
            "99, 429, 2, PT2S",
            "100, 429, 2, none",
            // no Retry-After, or not seconds: the backoff
            "1, 429, none, PT0.25S",
            "3, 429, 'Wed, 21 Oct 2026 07:28:00 GMT', PT1S",
            // no answer, 408, 5xx: 250 ms doubling, capped at 10 s, 8 attempts
            "1, 0, none, PT0.25S",
            "2, 503, none, PT0.5S",
            "3, 500, none, PT1S",
            "4, 502, none, PT2S",
            "7, 504, none, PT10S",
            "1, 408, none, PT0.25S",
            "8, 503, none, none",
            // the request itself is wrong: sending it again changes nothing
            "1, 400, none, none",
            "1, 401, none, none",
            "1, 404, none, none",
            "1, 413, none, none",
            "1, 422, none, none",
    })
    void aFailedRequestIsRetriedOnlyWhenItCanSucceed(int attempt, int status, String retryAfter, String expected) {
        Optional<Duration> wait = RetryPolicy.next(attempt, status, retryAfter);

        assertEquals(expected == null ? Optional.empty() : Optional.of(Duration.parse(expected)), wait);
    }
}
