package org.centinela.alerts.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A step of an alert's escalation chain as it was taken; {@code teamId} null = the coordinators' channel. */
@Entity
@Table(name = "alert_escalation")
public class AlertEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID alertId;
    public int step;
    public UUID teamId;
    public Instant escalatedAt;
}
