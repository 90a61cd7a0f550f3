package org.centinela.reporting.aggregate;

import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;

/** An event this service applies to its aggregates, identified by its CloudEvent id. */
public sealed interface ReportingEvent {

    String eventId();

    record Incident(String eventId, IncidentEventData data) implements ReportingEvent {
    }

    record Alert(String eventId, String type, AlertEventData data) implements ReportingEvent {
    }

    /** A type this service has no use for (a newer event type): recorded as processed, nothing else. */
    record Ignored(String eventId) implements ReportingEvent {
    }
}
