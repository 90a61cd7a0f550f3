package org.centinela.alerts.delivery;

import org.centinela.alerts.Time;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims deliveries whose next attempt is due (retries, and first attempts of an instance that stopped before
 * sending) with {@code FOR UPDATE SKIP LOCKED}, pushing each claim's lease forward, so that any number of
 * instances share the work and none sends the same attempt twice. The schedule lives in the database, so a
 * restart resumes it.
 */
@ApplicationScoped
public class RetryPoller {

    private static final int BATCH = 100;

    private final EntityManager em;
    private final Dispatcher dispatcher;
    private final DeliveryConfig config;

    public RetryPoller(EntityManager em, Dispatcher dispatcher, DeliveryConfig config) {
        this.em = em;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    @Scheduled(every = "${centinela.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        dispatcher.dispatch(QuarkusTransaction.requiringNew().call(this::claimDue));
    }

    List<Claim> claimDue() {
        Instant now = Time.now();
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                        SELECT * FROM delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at
                        LIMIT ?2
                        FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter(1, now).setParameter(2, BATCH).getResultList();
        List<Claim> claims = new ArrayList<>(due.size());
        for (Delivery delivery : due) {
            DeliveryAttempt.update("outcome = ?1 where deliveryId = ?2 and outcome = ?3",
                    DeliveryAttempt.ABANDONED, delivery.id, DeliveryAttempt.SENDING);
            delivery.nextAttemptAt = now.plus(config.claimLease());
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.deliveryId = delivery.id;
            attempt.at = now;
            attempt.outcome = DeliveryAttempt.SENDING;
            attempt.persist();
            claims.add(Claim.of(delivery, attempt));
        }
        return claims;
    }
}
