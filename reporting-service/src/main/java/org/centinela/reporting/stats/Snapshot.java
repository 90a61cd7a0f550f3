package org.centinela.reporting.stats;

import java.time.Instant;

/** Figures read in one statement, with the version and time of the aggregates they were read from. */
public record Snapshot<T>(long version, Instant asOf, T data) {
}
