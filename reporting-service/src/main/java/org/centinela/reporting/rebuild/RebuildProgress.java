package org.centinela.reporting.rebuild;

import java.time.Instant;

/** What GET /api/v1/admin/rebuild shows: IDLE, RUNNING, DONE or FAILED, with counts and speed. */
public record RebuildProgress(String state, Integer generation, long eventsDone, long eventsTotal,
                              double eventsPerSecond, double percent, Instant startedAt, Instant finishedAt,
                              String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    static RebuildProgress idle() {
        return new RebuildProgress(IDLE, null, 0, 0, 0, 0, null, null, null);
    }
}
