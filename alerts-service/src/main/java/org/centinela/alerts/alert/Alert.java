package org.centinela.alerts.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.vocabulary.Priority;

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
    public Instant escalatedAt;
    public UUID escalatedToTeamId;

    /** The data of an alert event about this alert, happening {@code at}. */
    public AlertEventData event(Instant at, String channel, UUID deliveryId) {
        return new AlertEventData(id, incidentId, reference, teamId, priority, region, raisedAt, at, channel,
                deliveryId, escalatedToTeamId);
    }
}
