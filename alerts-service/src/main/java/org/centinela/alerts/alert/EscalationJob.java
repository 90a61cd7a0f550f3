package org.centinela.alerts.alert;

import org.centinela.alerts.Time;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Dispatcher;

/** Finds OPEN alerts older than their team's escalateAfterMinutes and escalates each, skipping rows another instance holds. */
@ApplicationScoped
public class EscalationJob {

    private static final int BATCH = 100;

    private final EntityManager em;
    private final Escalator escalator;
    private final Dispatcher dispatcher;

    public EscalationJob(EntityManager em, Escalator escalator, Dispatcher dispatcher) {
        this.em = em;
        this.escalator = escalator;
        this.dispatcher = dispatcher;
    }

    @Scheduled(every = "${centinela.escalation.check-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        List<Claim> claims = QuarkusTransaction.requiringNew().call(this::escalateDue);
        dispatcher.dispatch(claims);
    }

    List<Claim> escalateDue() {
        Instant now = Time.now();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        SELECT a.id FROM alert a JOIN team t ON t.id = a.team_id
                        WHERE a.status = 'OPEN' AND a.raised_at <= CAST(?1 AS timestamptz) - make_interval(mins => t.escalate_after_minutes)
                        ORDER BY a.raised_at
                        LIMIT ?2
                        FOR UPDATE OF a SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (UUID alertId : due) {
            claims.addAll(escalator.escalate(alertId, now));
        }
        return claims;
    }
}
