package org.centinela.intake.incident;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One entry of an incident's append-only history: revision 0 is the report, then one per update. */
@Entity
@Table(name = "incident_history")
public class IncidentHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "incident_id")
    public UUID incidentId;
    public int revision;
    public Instant at;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "actor_id")
    public UUID actorId;
    public String verification;
    @Column(name = "justice_status")
    public String justiceStatus;
    @Column(name = "risk_ongoing")
    public Boolean riskOngoing;
    @Column(name = "note_enc")
    public String noteEnc;

    static List<IncidentHistory> of(UUID incidentId) {
        return list("incidentId = ?1 order by revision", incidentId);
    }
}
