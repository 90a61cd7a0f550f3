package org.centinela.alerts.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.event.AlertEscalatedData;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.AlertResolvedData;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.ResolutionOutcome;

/** One alert per (incident, team); rows are created by SQL under the unique constraint, never check-then-insert. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID incidentId;
    public UUID teamId;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public String region;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public Instant raisedAt;
    public Instant acknowledgedAt;
    /** Who acknowledged (a name given on the link's page), through which channel (API, EMAIL, WEBHOOK), for which team. */
    public String acknowledgedBy;
    public String acknowledgedVia;
    public UUID acknowledgedByTeamId;
    public Instant escalatedAt;
    public UUID escalatedToTeamId;
    /** Escalation steps taken so far, and when the next is due (null: none left or not escalated yet). */
    public int escalationStep;
    public Instant nextEscalationAt;
    /** Repeats of the raised notification sent so far (repeat until acknowledged). */
    public int repeats;
    public Instant resolvedAt;
    @Enumerated(EnumType.STRING)
    public ResolutionOutcome resolutionOutcome;
    public String resolutionNote;

    /** The data of an alert event about this alert, happening {@code at}. */
    public AlertEventData event(Instant at, String channel, UUID deliveryId) {
        return new AlertEventData(id, incidentId, reference, teamId, priority, region, raisedAt, at, channel,
                deliveryId, escalatedToTeamId);
    }

    /** The data of {@code alert.escalated} for the step just taken. */
    public AlertEscalatedData escalatedEvent() {
        return new AlertEscalatedData(id, incidentId, reference, teamId, priority, region, raisedAt, escalatedAt,
                escalatedToTeamId, escalationStep);
    }

    /** The data of {@code alert.resolved}: the outcome, never the note. */
    public AlertResolvedData resolvedEvent() {
        return new AlertResolvedData(id, incidentId, reference, teamId, priority, region, raisedAt, resolvedAt,
                escalatedToTeamId, resolutionOutcome);
    }
}
