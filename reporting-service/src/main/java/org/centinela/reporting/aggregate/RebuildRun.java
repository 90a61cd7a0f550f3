package org.centinela.reporting.aggregate;

import java.time.Instant;

/** A rebuild as recorded for every instance: the generation it builds, who runs it, how far it got, how it ended. */
public record RebuildRun(long id, int generation, String owner, String state, long eventsDone, long eventsTotal,
                         Instant startedAt, Instant heartbeatAt, Instant finishedAt, String error) {
}
