package org.centinela.intake.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Which teams were alerted about which incidents, as learnt from the alerts topic. */
@ApplicationScoped
public class IncidentAccess {

    private final EntityManager entityManager;

    public IncidentAccess(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Idempotent: a redelivered alert event grants nothing new. Returns whether the grant is new. */
    public boolean grant(UUID incidentId, UUID teamId) {
        return entityManager.createNativeQuery("INSERT INTO incident_access (incident_id, team_id) VALUES (:incident, :team) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("incident", incidentId)
                .setParameter("team", teamId)
                .executeUpdate() == 1;
    }

    @SuppressWarnings("unchecked")
    public List<UUID> incidentsAlertedTo(UUID teamId) {
        return entityManager.createNativeQuery("SELECT incident_id FROM incident_access WHERE team_id = :team", UUID.class)
                .setParameter("team", teamId)
                .getResultList();
    }

    public boolean alerted(UUID incidentId, UUID teamId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM incident_access WHERE incident_id = :incident AND team_id = :team")
                .setParameter("incident", incidentId)
                .setParameter("team", teamId)
                .getResultList().isEmpty();
    }
}
