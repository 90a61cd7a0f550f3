package org.centinela.reporting.aggregate;

import java.time.Instant;

/** The generation served, the one being rebuilt (null when none), and the version of the served figures. */
public record AggregateState(int currentGeneration, Integer buildingGeneration, long version, Instant changedAt) {
}
