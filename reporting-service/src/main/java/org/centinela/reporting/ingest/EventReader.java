package org.centinela.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.UnreadableEventException;
import org.centinela.reporting.aggregate.ReportingEvent;

/**
 * Reads an event of the incidents or alerts topic into a {@link ReportingEvent}. Unknown fields are ignored; an
 * event without the facts the aggregates need is unreadable; a type this service has no use for is kept as
 * {@link ReportingEvent.Ignored}, so it is recorded as processed. Incident data, most of what a rebuild reads, is
 * read field by field ({@link IncidentJson}); alert data is bound whole.
 */
@ApplicationScoped
public class EventReader {

    public ReportingEvent read(CloudEventRecord record) throws UnreadableEventException {
        return switch (record.type()) {
            case EventTypes.INCIDENT_REPORTED, EventTypes.INCIDENT_UPDATED ->
                    new ReportingEvent.Incident(record.id(), checked(IncidentJson.read(record.record().value())));
            case EventTypes.ALERT_RAISED, EventTypes.ALERT_DELIVERED, EventTypes.ALERT_DELIVERY_FAILED,
                 EventTypes.ALERT_ACKNOWLEDGED, EventTypes.ALERT_ESCALATED, EventTypes.ALERT_RESOLVED ->
                    new ReportingEvent.Alert(record.id(), record.type(), checked(record.data(AlertEventData.class)));
            default -> new ReportingEvent.Ignored(record.id());
        };
    }

    private static IncidentEventData checked(IncidentEventData data) throws UnreadableEventException {
        if (data.incidentId() == null || data.occurredOn() == null || data.region() == null
                || data.violations() == null || data.violations().contains(null)
                || data.perpetrators() == null || data.perpetrators().contains(null)
                || data.defenders() == null || data.defenders().sectors() == null
                || data.defenders().sectors().contains(null)
                || data.justiceStatus() == null || data.verification() == null) {
            throw new UnreadableEventException("Incident event without incidentId, occurredOn, region, violations, "
                    + "perpetrators, defenders, justiceStatus or verification");
        }
        return data;
    }

    private static AlertEventData checked(AlertEventData data) throws UnreadableEventException {
        if (data.alertId() == null || data.priority() == null || data.region() == null
                || (data.raisedAt() == null && data.at() == null)) {
            throw new UnreadableEventException("Alert event without alertId, priority, region or raisedAt");
        }
        return data;
    }
}
