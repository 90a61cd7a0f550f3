package org.centinela.alerts.incident;

import org.centinela.contract.event.IncidentEventData;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.UnreadableEventException;

/**
 * Reads an incident event ({@code incident.reported}, {@code incident.updated}) into what routing needs. Tolerates
 * unknown fields (newer producers); refuses what would make routing wrong: a missing incident id, reference, region,
 * occurredOn or violations, an unknown code.
 */
public final class IncidentEventParser {

    private IncidentEventParser() {
    }

    public static IncidentEvent parse(CloudEventRecord record) throws UnreadableEventException {
        IncidentEventData data = record.data(IncidentEventData.class);
        if (data.incidentId() == null || data.reference() == null || data.region() == null
                || data.occurredOn() == null || data.violations() == null || data.violations().isEmpty()
                || data.violations().contains(null)) {
            throw new UnreadableEventException("data lacks incidentId, reference, region, occurredOn or violations");
        }
        return new IncidentEvent(record.id(), record.type(), data);
    }
}
