package org.centinela.alerts.incident;

import org.centinela.contract.event.IncidentEventData;

/** An incident event as read from the topic: its CloudEvent id and type, and its data. */
public record IncidentEvent(String id, String type, IncidentEventData data) {
}
