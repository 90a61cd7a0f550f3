package org.centinela.testkit;

import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.vocabulary.Priority;

/** Builds the data of {@code alert.*} events as alerts-service writes it. */
public final class AlertData {

    private UUID alertId = UUID.randomUUID();
    private UUID incidentId = UUID.randomUUID();
    private String reference = "PE-2026-000001";
    private UUID teamId = UUID.randomUUID();
    private Priority priority = Priority.HIGH;
    private String region = "PE-CAJ";
    private Instant raisedAt = Instant.now();
    private Instant at = raisedAt;
    private String channel;
    private UUID deliveryId;
    private UUID escalatedToTeamId;

    private AlertData() {
    }

    public static AlertData of(UUID alertId) {
        AlertData event = new AlertData();
        event.alertId = alertId;
        return event;
    }

    public static AlertData any() {
        return new AlertData();
    }

    public AlertData incident(UUID incidentId) {
        this.incidentId = incidentId;
        return this;
    }

    public AlertData team(UUID teamId) {
        this.teamId = teamId;
        return this;
    }

    public AlertData priority(Priority priority) {
        this.priority = priority;
        return this;
    }

    public AlertData region(String region) {
        this.region = region;
        return this;
    }

    public AlertData raisedAt(Instant raisedAt) {
        this.raisedAt = raisedAt;
        return this;
    }

    /** When this event's fact happened (delivered, acknowledged, escalated…). */
    public AlertData at(Instant at) {
        this.at = at;
        return this;
    }

    public AlertData delivery(String channel, UUID deliveryId) {
        this.channel = channel;
        this.deliveryId = deliveryId;
        return this;
    }

    public AlertData escalatedTo(UUID teamId) {
        this.escalatedToTeamId = teamId;
        return this;
    }

    public AlertEventData build() {
        return new AlertEventData(alertId, incidentId, reference, teamId, priority, region, raisedAt, at, channel,
                deliveryId, escalatedToTeamId);
    }
}
