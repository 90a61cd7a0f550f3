package org.centinela.reporting.rebuild;

import java.time.Duration;
import java.time.Instant;
import org.centinela.reporting.aggregate.RebuildRun;

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

    static RebuildProgress of(RebuildRun run) {
        Instant until = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        double seconds = Math.max(0.001, Duration.between(run.startedAt(), until).toNanos() / 1e9);
        double percent = "DONE".equals(run.state()) || run.eventsTotal() == 0 ? 100.0
                : Math.min(100.0, 100.0 * run.eventsDone() / run.eventsTotal());
        return new RebuildProgress(run.state(), run.generation(), run.eventsDone(), run.eventsTotal(),
                Math.round(run.eventsDone() / seconds), Math.round(percent * 10) / 10.0, run.startedAt(),
                run.finishedAt(), run.error());
    }
}
