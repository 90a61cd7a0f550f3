package org.centinela.alerts.priority;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Violation;

/** How urgent an incident is for the rapid-response teams, from its violations and whether the risk goes on. */
public final class PriorityRules {

    private final Set<Violation> critical;
    private final Set<Violation> high;
    private final Set<Violation> highIfRiskOngoing;

    public PriorityRules(Collection<Violation> critical, Collection<Violation> high, Collection<Violation> highIfRiskOngoing) {
        this.critical = copy(critical);
        this.high = copy(high);
        this.highIfRiskOngoing = copy(highIfRiskOngoing);
    }

    public static PriorityRules from(PriorityConfig config) {
        return new PriorityRules(config.criticalViolations(), config.highViolations(), config.highIfRiskOngoingViolations());
    }

    public Priority of(Collection<Violation> violations, boolean riskOngoing) {
        if (violations.stream().anyMatch(critical::contains)) {
            return Priority.CRITICAL;
        }
        if (violations.stream().anyMatch(high::contains)
                || (riskOngoing && violations.stream().anyMatch(highIfRiskOngoing::contains))) {
            return Priority.HIGH;
        }
        return Priority.NORMAL;
    }

    private static Set<Violation> copy(Collection<Violation> violations) {
        return violations.isEmpty() ? EnumSet.noneOf(Violation.class) : EnumSet.copyOf(violations);
    }
}
