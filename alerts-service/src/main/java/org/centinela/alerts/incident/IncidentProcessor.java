package org.centinela.alerts.incident;

import org.centinela.alerts.alert.Incident;
import org.centinela.alerts.Time;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.centinela.alerts.Metrics;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.AlertStatus;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.notification.Notifications;
import org.centinela.platform.outbox.OutboxWriter;
import org.centinela.alerts.priority.PriorityRules;
import org.centinela.alerts.team.ActiveTeams;
import org.centinela.alerts.team.Routing;
import org.centinela.alerts.team.Team;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Priority;
import org.hibernate.Session;
import org.hibernate.query.MutationQuery;
import org.jboss.logging.Logger;

/**
 * Applies incident events in one transaction, each in turn: the processed-event row, the incident's latest facts, an
 * alert per matching team (raised under the unique constraint, so never two), digest entries, notifications and
 * alert events. Returns the claimed deliveries for the caller to send after the commit.
 */
@ApplicationScoped
public class IncidentProcessor {

    /** The notification sent to an alerted team when its incident changes; not an event on the alerts topic. */
    public static final String ALERT_UPDATED = "alert.updated";

    private static final Logger LOG = Logger.getLogger(IncidentProcessor.class);

    private final EntityManager em;
    private final PriorityRules rules;
    private final Notifications notifications;
    private final OutboxWriter outbox;
    private final MeterRegistry metrics;
    private final ActiveTeams teams;

    public IncidentProcessor(EntityManager em, PriorityRules rules, Notifications notifications, OutboxWriter outbox,
                             MeterRegistry metrics, ActiveTeams teams) {
        this.teams = teams;
        this.em = em;
        this.rules = rules;
        this.notifications = notifications;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Transactional
    public List<Claim> apply(IncidentEvent event) {
        return apply(event, teams.current());
    }

    /** A poll's events in topic order, in one transaction: one commit for the lot, and the teams read once. */
    @Transactional
    public List<Claim> applyAll(List<IncidentEvent> events) {
        ActiveTeams.Snapshot active = teams.current();
        List<Claim> claims = new ArrayList<>();
        for (IncidentEvent event : events) {
            claims.addAll(apply(event, active));
        }
        return claims;
    }

    private List<Claim> apply(IncidentEvent event, ActiveTeams.Snapshot active) {
        Instant now = Time.now();
        boolean fresh = mutation("INSERT INTO processed_event (event_id, processed_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, event.id(), String.class)
                .setParameter(2, now, Instant.class)
                .executeUpdate() == 1;
        boolean incidentEvent = EventTypes.INCIDENT_REPORTED.equals(event.type()) || EventTypes.INCIDENT_UPDATED.equals(event.type());
        if (!fresh || !incidentEvent) {
            LOG.debugf("Event skipped (%s) [eventId=%s, type=%s]", fresh ? "not an incident event" : "already processed",
                    event.id(), event.type());
            return List.of();
        }
        IncidentEventData data = event.data();
        Priority priority = rules.of(data.violations(), data.riskOngoing());
        Incident incident = Incident.of(data, priority, now);
        if (!storeIfNewer(incident)) {
            LOG.debugf("Stale incident event skipped [eventId=%s, incidentId=%s, revision=%d]", event.id(),
                    data.incidentId(), data.revision());
            return List.of();
        }
        boolean updated = EventTypes.INCIDENT_UPDATED.equals(event.type());
        List<Claim> claims = new ArrayList<>();
        Set<UUID> raisedNow = new HashSet<>();
        for (Team team : active.covering(incident.region)) {
            switch (Routing.decide(team.regionList(), team.minPriority, team.digest, incident.region, priority)) {
                case ALERT -> raise(team, incident, updated, now).ifPresent(alert -> {
                    raisedNow.add(alert.id);
                    claims.addAll(notifications.notify(EventTypes.ALERT_RAISED, alert, incident, team));
                });
                case DIGEST -> mutation("""
                        INSERT INTO digest_entry (team_id, incident_id, added_at)
                        SELECT ?1, ?2, ?3
                        WHERE NOT EXISTS (SELECT 1 FROM alert WHERE incident_id = ?2 AND team_id = ?1)
                        ON CONFLICT DO NOTHING""")
                        .setParameter(1, team.id, UUID.class)
                        .setParameter(2, incident.id, UUID.class)
                        .setParameter(3, now, Instant.class)
                        .executeUpdate();
                case NONE -> { }
            }
        }
        if (updated) {
            for (Alert alert : Alert.<Alert>list("incidentId", incident.id)) {
                if (raisedNow.contains(alert.id)) {
                    continue;
                }
                // The team that was alerted and, once escalated, the team that now shares the response.
                Stream.of(alert.teamId, alert.escalatedToTeamId).filter(Objects::nonNull).distinct()
                        .flatMap(teamId -> active.find(teamId).stream())
                        .forEach(team -> claims.addAll(notifications.notify(ALERT_UPDATED, alert, incident,
                                team)));
            }
        }
        return claims;
    }

    /** Upserts the incident's facts unless a newer revision is already stored; false for a stale event. */
    private boolean storeIfNewer(Incident incident) {
        return mutation("""
                INSERT INTO incident (id, reference, organisation_name, region, violations, occurred_on, risk_ongoing,
                                      priority, revision, received_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                ON CONFLICT (id) DO UPDATE SET
                    reference = EXCLUDED.reference, organisation_name = EXCLUDED.organisation_name,
                    region = EXCLUDED.region, violations = EXCLUDED.violations, occurred_on = EXCLUDED.occurred_on,
                    risk_ongoing = EXCLUDED.risk_ongoing, priority = EXCLUDED.priority, revision = EXCLUDED.revision,
                    received_at = EXCLUDED.received_at, updated_at = EXCLUDED.updated_at
                WHERE incident.revision < EXCLUDED.revision""")
                .setParameter(1, incident.id, UUID.class)
                .setParameter(2, incident.reference, String.class)
                .setParameter(3, incident.organisationName, String.class)
                .setParameter(4, incident.region, String.class)
                .setParameter(5, incident.violations, String.class)
                .setParameter(6, incident.occurredOn, LocalDate.class)
                .setParameter(7, incident.riskOngoing, Boolean.class)
                .setParameter(8, incident.priority.name(), String.class)
                .setParameter(9, incident.revision, Integer.class)
                .setParameter(10, incident.receivedAt, Instant.class)
                .setParameter(11, incident.updatedAt, Instant.class)
                .executeUpdate() == 1;
    }

    /** Inserts the alert of (incident, team) unless it exists; the row count says whether this call raised it. */
    private Optional<Alert> raise(Team team, Incident incident, boolean updated, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = mutation("""
                INSERT INTO alert (id, incident_id, team_id, reference, priority, region, status, raised_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'OPEN', ?7)
                ON CONFLICT (incident_id, team_id) DO NOTHING""")
                .setParameter(1, id, UUID.class)
                .setParameter(2, incident.id, UUID.class)
                .setParameter(3, team.id, UUID.class)
                .setParameter(4, incident.reference, String.class)
                .setParameter(5, incident.priority.name(), String.class)
                .setParameter(6, incident.region, String.class)
                .setParameter(7, now, Instant.class)
                .executeUpdate();
        if (inserted == 0) {
            return Optional.empty();
        }
        if (updated) {
            // An incident that has risen to this team's alert level leaves its digest.
            mutation("DELETE FROM digest_entry WHERE team_id = ?1 AND incident_id = ?2 AND sent_at IS NULL")
                    .setParameter(1, team.id, UUID.class)
                    .setParameter(2, incident.id, UUID.class)
                    .executeUpdate();
        }
        Alert alert = new Alert();
        alert.id = id;
        alert.incidentId = incident.id;
        alert.teamId = team.id;
        alert.reference = incident.reference;
        alert.priority = incident.priority;
        alert.region = incident.region;
        alert.status = AlertStatus.OPEN;
        alert.raisedAt = now;
        outbox.append(alert.incidentId, EventTypes.ALERT_RAISED, alert.event(now, null, null), now);
        metrics.counter(Metrics.ALERTS_RAISED, "priority", alert.priority.name()).increment();
        LOG.infof("Alert raised [alertId=%s, incidentId=%s, teamId=%s, priority=%s]", alert.id, incident.id, team.id,
                alert.priority);
        return Optional.of(alert);
    }

    private MutationQuery mutation(String sql) {
        return em.unwrap(Session.class).createNativeMutationQuery(sql);
    }
}
