package org.centinela.alerts.repeat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.Time;
import org.centinela.alerts.delivery.Dispatcher;
import org.jboss.logging.Logger;

/**
 * Finds OPEN alerts whose team asks for repeats and whose next one is due, and repeats each in a transaction of its
 * own (at the escalation check interval): one that fails is logged and tried at the next check.
 */
@ApplicationScoped
public class RepeatJob {

    private static final Logger LOG = Logger.getLogger(RepeatJob.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final Repeater repeater;
    private final Dispatcher dispatcher;

    public RepeatJob(EntityManager em, Repeater repeater, Dispatcher dispatcher) {
        this.em = em;
        this.repeater = repeater;
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "${centinela.escalation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        Instant now = Time.now();
        for (UUID alertId : QuarkusTransaction.requiringNew().call(() -> due(now))) {
            try {
                dispatcher.dispatch(QuarkusTransaction.requiringNew().call(() -> repeater.repeat(alertId, now)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Alert not repeated; tried again at the next check [alertId=%s]", alertId);
            }
        }
    }

    @SuppressWarnings("unchecked")
    List<UUID> due(Instant now) {
        return em.createNativeQuery("""
                        SELECT a.id FROM alert a JOIN team t ON t.id = a.team_id
                        WHERE a.status = 'OPEN' AND t.deleted_at IS NULL AND t.repeat_every_minutes IS NOT NULL
                          AND a.repeats < t.max_repeats
                          AND a.raised_at <= CAST(?1 AS timestamptz) - make_interval(mins => t.repeat_every_minutes * (a.repeats + 1))
                        ORDER BY a.raised_at
                        LIMIT ?2""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
    }
}
