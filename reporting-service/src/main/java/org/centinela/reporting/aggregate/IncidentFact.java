package org.centinela.reporting.aggregate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiConsumer;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Perpetrator;

/** What the read model keeps of an incident: no personal data, only what breakdowns and filters need. */
record IncidentFact(LocalDate occurredOn, String region, List<String> violations, List<String> perpetrators,
                    List<String> perpetratorKinds, List<String> sectors, int defenders, int women,
                    String justiceStatus, String verification, int revision) {

    static IncidentFact of(IncidentEventData data) {
        return new IncidentFact(data.occurredOn(), data.region(),
                data.violations().stream().map(Enum::name).distinct().toList(),
                data.perpetrators().stream().map(Enum::name).distinct().toList(),
                data.perpetrators().stream().map(Perpetrator::kind).map(Enum::name).distinct().toList(),
                data.defenders().sectors().stream().map(Enum::name).distinct().toList(),
                data.defenders().count(), data.defenders().women(), data.justiceStatus().name(),
                data.verification().name(), data.revision());
    }

    /** The incident_cell counts this incident adds: (dimension, key) → amount, in its year and region. */
    void cells(BiConsumer<String, String> one, CellAmount amount) {
        amount.add("total", "incidents", 1);
        amount.add("total", "defenders", defenders);
        amount.add("total", "women", women);
        one.accept("month", YearMonth.from(occurredOn).toString());
        violations.forEach(key -> one.accept("violation", key));
        perpetrators.forEach(key -> one.accept("perpetrator", key));
        perpetratorKinds.forEach(key -> one.accept("perpetratorKind", key));
        sectors.forEach(key -> one.accept("sector", key));
        one.accept("justiceStatus", justiceStatus);
        one.accept("verification", verification);
    }

    interface CellAmount {
        void add(String dimension, String key, long amount);
    }
}
