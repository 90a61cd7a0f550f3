package org.centinela.reporting.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Which incidents a figure covers. Dates are inclusive and apply to occurredOn; a repeated filter matches an
 * incident that has any of its values (region=PE-CAJ&region=PE-LOR: both regions); different filters all apply.
 */
public record IncidentFilter(LocalDate from, LocalDate to, List<String> regions, List<String> violations,
                             List<String> sectors, List<String> perpetratorKinds) {
}
