package org.centinela.alerts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current instant at PostgreSQL's precision, so that what an answer shows equals what is read back later. */
public final class Time {

    private Time() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
