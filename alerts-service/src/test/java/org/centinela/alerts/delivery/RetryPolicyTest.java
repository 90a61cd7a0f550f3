package org.centinela.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final RetryPolicy SPEC = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));
    private static final Instant CREATED = Instant.parse("2026-11-29T00:00:00Z");

    @ParameterizedTest(name = "after failure {0} wait {1}")
    @CsvSource({"1, PT5S", "2, PT10S", "3, PT20S", "4, PT40S", "5, PT1M20S", "10, PT42M40S", "11, PT1H", "40, PT1H", "1000, PT1H"})
    void doublesFromFiveSecondsUpToAnHour(int failures, Duration expected) {
        assertThat(SPEC.delayAfter(failures)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "failure {0} at +{1} → retry {2}")
    @CsvSource({
            "1,  PT0S,     2026-11-29T00:00:05Z",
            "12, PT10H,    2026-11-29T11:00:00Z",
            "30, PT22H59M, 2026-11-29T23:59:00Z",
            "31, PT23H1M,  ''",
    })
    void givesUpOnceTheNextTryWouldBePastTwentyFourHours(int failures, Duration sinceCreation, String expected) {
        var next = SPEC.nextAttempt(CREATED, failures, CREATED.plus(sinceCreation));
        if (expected.isEmpty()) {
            assertThat(next).isEmpty();
        } else {
            assertThat(next).contains(Instant.parse(expected));
        }
    }

    @ParameterizedTest(name = "HTTP {0} retryable: {1}")
    @CsvSource({"500, true", "502, true", "503, true", "408, true", "429, true", "400, false", "401, false",
            "403, false", "404, false", "410, false", "422, false"})
    void retriesOnlyWhatCanSucceedLater(int status, boolean retryable) {
        assertThat(RetryPolicy.retryable(status)).isEqualTo(retryable);
    }
}
