package org.centinela.alerts.fallback;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centinela.alerts.Metrics;
import org.centinela.alerts.Time;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.AlertStatus;
import org.centinela.alerts.alert.Incident;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Delivery;
import org.centinela.alerts.delivery.Dispatcher;
import org.centinela.alerts.notification.Notifications;
import org.centinela.alerts.team.Team;
import org.jboss.logging.Logger;

/**
 * Channel fallback: a delivery of a team with {@code fallbackAfterMinutes} that has failed and is still not
 * delivered at its {@code fallbackAt}, or was given up, hands its notification to the team's next channel, once
 * ({@code fellBack}, claimed with {@code SKIP LOCKED}); its own retries go on. Not for an alert already
 * acknowledged or resolved. Counted as {@code centinela_alerts_fallbacks_total{from,to}}.
 */
@ApplicationScoped
public class FallbackJob {

    private static final Logger LOG = Logger.getLogger(FallbackJob.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final Notifications notifications;
    private final Dispatcher dispatcher;
    private final MeterRegistry metrics;

    public FallbackJob(EntityManager em, Notifications notifications, Dispatcher dispatcher, MeterRegistry metrics) {
        this.em = em;
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Scheduled(every = "${centinela.escalation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        try {
            dispatcher.dispatch(QuarkusTransaction.requiringNew().call(this::fallBack));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Channel fallback not done; tried again at the next check");
        }
    }

    List<Claim> fallBack() {
        Instant now = Time.now();
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                        SELECT * FROM delivery
                        WHERE fallback_at IS NOT NULL AND NOT fell_back
                          AND (status = 'FAILED' OR (status = 'PENDING' AND failed_attempts > 0 AND fallback_at <= ?1))
                        ORDER BY fallback_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Delivery delivery : due) {
            delivery.fellBack = true;
            Alert alert = Alert.findById(delivery.alertId);
            Team team = Team.<Team>findByIdOptional(delivery.teamId).filter(found -> !found.isDeleted()).orElse(null);
            int next = delivery.channelIndex + 1;
            if (team == null || team.fallbackAfterMinutes == null || next >= team.channelList().size()
                    || alert.status == AlertStatus.ACKNOWLEDGED || alert.status == AlertStatus.RESOLVED) {
                continue;
            }
            List<Claim> written = notifications.fallback(delivery.event, alert, Incident.findById(alert.incidentId),
                    team, next, delivery.id);
            metrics.counter(Metrics.FALLBACKS, "from", delivery.channel.name(),
                    "to", written.get(0).channel().name()).increment();
            LOG.infof("Notification falls back to the next channel [alertId=%s, deliveryId=%s, from=%s, to=%s]",
                    alert.id, delivery.id, delivery.channel, written.get(0).channel());
            claims.addAll(written);
        }
        return claims;
    }
}
