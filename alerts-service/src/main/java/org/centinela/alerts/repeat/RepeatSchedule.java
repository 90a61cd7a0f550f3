package org.centinela.alerts.repeat;

import java.time.Duration;
import java.time.Instant;

/** When an OPEN alert's next repeat is due: every {@code everyMinutes} after it was raised, {@code max} times. */
final class RepeatSchedule {

    private RepeatSchedule() {
    }

    /** Whether repeat number {@code sent + 1} is due at {@code now}. */
    static boolean due(Instant raisedAt, Integer everyMinutes, int max, int sent, Instant now) {
        if (everyMinutes == null || sent >= max) {
            return false;
        }
        return !now.isBefore(raisedAt.plus(Duration.ofMinutes((long) everyMinutes * (sent + 1))));
    }
}
