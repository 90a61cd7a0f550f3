package org.centinela.intake.incident;

import java.util.List;
import java.util.function.Function;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/** The event data of an incident's current state: no description, confidential part or locality; coordinates to 0.1°. */
final class IncidentEvents {

    private IncidentEvents() {
    }

    static IncidentEventData data(Incident incident, String organisationName) {
        return new IncidentEventData(
                incident.id,
                incident.reference,
                incident.organisationId,
                organisationName,
                incident.occurredOn,
                incident.receivedAt,
                incident.region,
                incident.latitudeRounded,
                incident.longitudeRounded,
                codes(incident.violations, Violation::valueOf),
                codes(incident.perpetrators, Perpetrator::valueOf),
                new Defenders(incident.defendersCount, incident.defendersWomen, codes(incident.sectors, Sector::valueOf)),
                codes(incident.context, Context::valueOf),
                incident.riskOngoing,
                incident.language,
                Verification.valueOf(incident.verification),
                JusticeStatus.valueOf(incident.justiceStatus),
                incident.revision,
                incident.updatedAt);
    }

    private static <E> List<E> codes(String joined, Function<String, E> parse) {
        return Incident.split(joined).stream().map(parse).toList();
    }
}
