package org.centinela.alerts.alert;

import org.centinela.alerts.Time;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.centinela.alerts.delivery.Delivery;
import org.centinela.alerts.delivery.DeliveryAttempt;
import org.centinela.platform.outbox.OutboxWriter;
import org.centinela.contract.EventTypes;
import org.centinela.contract.vocabulary.ResolutionOutcome;
import org.centinela.platform.security.Caller;
import org.jboss.logging.Logger;

/** Reading and acknowledging alerts, as the caller may: admins all, a responder its team's and those escalated to it. */
@ApplicationScoped
public class AlertService {

    public record Listing(List<AlertView> items, int page, int size, long total) {
    }

    private static final Logger LOG = Logger.getLogger(AlertService.class);
    static final String VIA_API = "API";

    private final EntityManager em;
    private final OutboxWriter outbox;

    public AlertService(EntityManager em, OutboxWriter outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public Listing list(Caller caller, Optional<AlertStatus> status, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        caller.teamId().ifPresent(team -> {
            query.append(" and (teamId = :team or escalatedToTeamId = :team"
                    + " or id in (select e.alertId from AlertEscalation e where e.teamId = :team))");
            parameters.and("team", team);
        });
        status.ifPresent(value -> {
            query.append(" and status = :status");
            parameters.and("status", value);
        });
        var found = Alert.<Alert>find(query.toString(), Sort.descending("raisedAt").and("id"), parameters);
        List<AlertView> items = found.page(Page.of(page, size)).list().stream().map(alert -> AlertView.of(alert, null)).toList();
        return new Listing(items, page, size, found.count());
    }

    public Optional<AlertView> get(Caller caller, UUID id) {
        return visible(caller, Alert.findById(id)).map(alert -> detail(alert));
    }

    /** Acknowledges an OPEN or ESCALATED alert; an acknowledged or resolved one stays as it was (200 either way). */
    @Transactional
    public Optional<AlertView> acknowledge(Caller caller, UUID id) {
        Optional<Alert> found = visible(caller, em.find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE));
        found.ifPresent(alert -> acknowledge(alert, caller.teamId().orElse(null), null, VIA_API));
        return found.map(alert -> detail(alert));
    }

    /**
     * Acknowledges through a one-click link (or any channel {@code via}) for {@code teamId}, {@code by} a name or
     * null; false when the alert was no longer OPEN or ESCALATED (nothing changes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean acknowledgeBy(UUID alertId, UUID teamId, String by, String via) {
        return acknowledge(em.find(Alert.class, alertId, LockModeType.PESSIMISTIC_WRITE), teamId, by, via);
    }

    private boolean acknowledge(Alert alert, UUID teamId, String by, String via) {
        if (alert.status != AlertStatus.OPEN && alert.status != AlertStatus.ESCALATED) {
            return false;
        }
        Instant now = Time.now();
        alert.status = AlertStatus.ACKNOWLEDGED;
        alert.acknowledgedAt = now;
        alert.acknowledgedBy = by;
        alert.acknowledgedVia = via;
        alert.acknowledgedByTeamId = teamId;
        outbox.append(alert.incidentId, EventTypes.ALERT_ACKNOWLEDGED, alert.event(now, null, null), now);
        LOG.infof("Alert acknowledged [alertId=%s, incidentId=%s, via=%s]", alert.id, alert.incidentId, via);
        return true;
    }

    /** Closes an alert not yet resolved with an outcome; a resolved one keeps its first resolution (200 either way). */
    @Transactional
    public Optional<AlertView> resolve(Caller caller, UUID id, ResolutionOutcome outcome, String note) {
        Optional<Alert> found = visible(caller, em.find(Alert.class, id, LockModeType.PESSIMISTIC_WRITE));
        found.filter(alert -> alert.status != AlertStatus.RESOLVED).ifPresent(alert -> {
            alert.status = AlertStatus.RESOLVED;
            alert.resolvedAt = Time.now();
            alert.resolutionOutcome = outcome;
            alert.resolutionNote = note;
            outbox.append(alert.incidentId, EventTypes.ALERT_RESOLVED, alert.resolvedEvent(), alert.resolvedAt);
            LOG.infof("Alert resolved [alertId=%s, incidentId=%s, outcome=%s]", alert.id, alert.incidentId, outcome);
        });
        return found.map(alert -> detail(alert));
    }

    /** The team of the alert and every team a step of its chain went to, before and after acknowledgement. */
    private static Optional<Alert> visible(Caller caller, Alert alert) {
        if (alert == null || caller.isAdmin()) {
            return Optional.ofNullable(alert);
        }
        UUID team = caller.teamId().orElse(null);
        return team != null && (team.equals(alert.teamId) || team.equals(alert.escalatedToTeamId)
                || AlertEscalation.count("alertId = ?1 and teamId = ?2", alert.id, team) > 0)
                ? Optional.of(alert) : Optional.empty();
    }

    private static AlertView detail(Alert alert) {
        List<AlertView.EscalationView> escalations = AlertEscalation.<AlertEscalation>list("alertId = ?1 order by step", alert.id)
                .stream().map(step -> new AlertView.EscalationView(step.step, step.teamId, step.escalatedAt)).toList();
        return AlertView.of(alert, escalations, deliveries(alert.id));
    }

    private static List<AlertView.DeliveryView> deliveries(UUID alertId) {
        List<Delivery> deliveries = Delivery.list("alertId = ?1 order by createdAt, id", alertId);
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DeliveryAttempt>> attempts = DeliveryAttempt.<DeliveryAttempt>list(
                        "deliveryId in ?1 order by id", deliveries.stream().map(delivery -> delivery.id).toList())
                .stream().collect(Collectors.groupingBy(attempt -> attempt.deliveryId));
        List<AlertView.DeliveryView> views = new ArrayList<>(deliveries.size());
        for (Delivery delivery : deliveries) {
            views.add(new AlertView.DeliveryView(delivery.id, delivery.channel.name(), delivery.event,
                    delivery.status.name(), delivery.fallbackFrom, attempts.getOrDefault(delivery.id, List.of()).stream()
                    .map(attempt -> new AlertView.AttemptView(attempt.at, attempt.outcome, attempt.httpStatus))
                    .toList()));
        }
        return views;
    }
}
