package org.centinela.alerts.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Violation;

/** The latest facts of an incident that notifications and digests need; no personal data. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;
    public String reference;
    public String organisationName;
    public String region;
    public String violations;
    public LocalDate occurredOn;
    public boolean riskOngoing;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public int revision;
    public Instant receivedAt;
    public Instant updatedAt;

    /** The facts an event carries, as they are stored (not attached to any session). */
    public static Incident of(IncidentEventData data, Priority priority, Instant now) {
        Incident incident = new Incident();
        incident.id = data.incidentId();
        incident.reference = data.reference();
        incident.organisationName = data.organisationName();
        incident.region = data.region();
        incident.violations = data.violations().stream().map(Violation::name).collect(Collectors.joining(","));
        incident.occurredOn = data.occurredOn();
        incident.riskOngoing = data.riskOngoing();
        incident.priority = priority;
        incident.revision = data.revision();
        incident.receivedAt = data.receivedAt();
        incident.updatedAt = data.updatedAt() == null ? now : data.updatedAt();
        return incident;
    }

    public List<Violation> violationList() {
        return Arrays.stream(violations.split(",")).map(Violation::valueOf).toList();
    }
}
