package org.centinela.alerts.escalation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.Time;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Dispatcher;
import org.centinela.platform.metrics.MetricNames;
import org.jboss.logging.Logger;

/**
 * Finds OPEN alerts older than their team's escalateAfterMinutes (the chain's first step) and ESCALATED ones whose
 * next step is due, and takes each step in a transaction of its own, so
 * one that cannot be escalated (an unreadable team, say) is logged and counted and never holds back the others.
 * Another instance may pick the same alert: {@link Escalator} locks it and escalates only an alert still OPEN.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final Escalator escalator;
    private final Dispatcher dispatcher;
    private final Counter failures;

    public EscalationJob(EntityManager em, Escalator escalator, Dispatcher dispatcher, MeterRegistry registry,
                         MetricNames names) {
        this.em = em;
        this.escalator = escalator;
        this.dispatcher = dispatcher;
        this.failures = Counter.builder(names.of("escalation_failures_total"))
                .description("Escalations that failed and will be tried again").register(registry);
    }

    @Scheduled(every = "${centinela.escalation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = Time.now();
        for (UUID alertId : QuarkusTransaction.requiringNew().call(() -> due(now))) {
            try {
                List<Claim> claims = QuarkusTransaction.requiringNew().call(() -> escalator.escalate(alertId, now));
                dispatcher.dispatch(claims);
            } catch (RuntimeException e) {
                failures.increment();
                LOG.errorf(e, "Alert not escalated; tried again at the next check [alertId=%s]", alertId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<UUID> due(Instant now) {
        return em.createNativeQuery("""
                        SELECT a.id FROM alert a JOIN team t ON t.id = a.team_id
                        WHERE (a.status = 'OPEN' AND a.raised_at <= CAST(?1 AS timestamptz) - make_interval(mins => t.escalate_after_minutes))
                           OR (a.status = 'ESCALATED' AND a.next_escalation_at <= CAST(?1 AS timestamptz))
                        ORDER BY a.raised_at
                        LIMIT ?2""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
    }
}
