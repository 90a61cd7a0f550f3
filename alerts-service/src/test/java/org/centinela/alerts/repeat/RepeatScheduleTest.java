package org.centinela.alerts.repeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatScheduleTest {

    private static final Instant RAISED = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest(name = "every {0} min, max {1}, sent {2}, {3} s after raised → due: {4}")
    @CsvSource(nullValues = "null", value = {
            "null, 3, 0, 99999, false",
            "10, 0, 0, 99999, false",
            "10, 3, 0, 599, false",
            "10, 3, 0, 600, true",
            "10, 3, 1, 600, false",
            "10, 3, 1, 1200, true",
            "10, 3, 2, 1800, true",
            "10, 3, 3, 99999, false"})
    void theNextRepeatIsDueEveryIntervalAfterRaisingUpToTheMaximum(Integer every, int max, int sent, long after,
                                                                   boolean due) {
        assertThat(RepeatSchedule.due(RAISED, every, max, sent, RAISED.plusSeconds(after))).isEqualTo(due);
    }
}
