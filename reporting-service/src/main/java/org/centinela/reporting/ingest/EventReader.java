package org.centinela.reporting.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;

/**
 * Reads a binary-mode CloudEvent record (ce_* headers, JSON value) into a {@link ReportingEvent}. Unknown fields
 * are ignored; a record without an id or type, with JSON that does not parse, or without the facts the
 * aggregates need is unreadable.
 */
@ApplicationScoped
public class EventReader {

    private final ObjectMapper json;

    public EventReader(ObjectMapper json) {
        this.json = json;
    }

    public ReportingEvent read(ConsumerRecord<String, byte[]> record) throws UnreadableEventException {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID)
                .orElseThrow(() -> new UnreadableEventException("No " + CloudEventHeaders.ID + " header"));
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)
                .orElseThrow(() -> new UnreadableEventException("No " + CloudEventHeaders.TYPE + " header"));
        if (record.value() == null) {
            throw new UnreadableEventException("No value");
        }
        return switch (type) {
            case EventTypes.INCIDENT_REPORTED, EventTypes.INCIDENT_UPDATED ->
                    new ReportingEvent.Incident(id, checked(parse(record.value(), IncidentEventData.class)));
            case EventTypes.ALERT_RAISED, EventTypes.ALERT_DELIVERED, EventTypes.ALERT_DELIVERY_FAILED,
                 EventTypes.ALERT_ACKNOWLEDGED, EventTypes.ALERT_ESCALATED ->
                    new ReportingEvent.Alert(id, type, checked(parse(record.value(), AlertEventData.class)));
            default -> new ReportingEvent.Ignored(id);
        };
    }

    private <T> T parse(byte[] value, Class<T> type) throws UnreadableEventException {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("Unparseable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableEventException("Unparseable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static IncidentEventData checked(IncidentEventData data) throws UnreadableEventException {
        if (data == null || data.incidentId() == null || data.occurredOn() == null || data.region() == null
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
        if (data == null || data.alertId() == null || data.priority() == null || data.region() == null
                || (data.raisedAt() == null && data.at() == null)) {
            throw new UnreadableEventException("Alert event without alertId, priority, region or raisedAt");
        }
        return data;
    }
}
