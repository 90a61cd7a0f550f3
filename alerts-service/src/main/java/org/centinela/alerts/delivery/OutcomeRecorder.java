package org.centinela.alerts.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.centinela.alerts.Time;
import org.jboss.logging.Logger;

/**
 * Records successful attempts on a thread of its own, so that a sender (and its receiver's lane) is free for the next
 * send as soon as its call ends, and the deliveries that succeeded meanwhile are recorded together: one transaction
 * of batched plain JDBC statements and their {@code alert.delivered} events. An outcome not recorded (the database
 * away, the instance stopping) leaves its claim to lapse, and the poller sends the delivery again under the same id:
 * at-least-once, receivers deduplicate.
 */
final class OutcomeRecorder {

    /** A successful attempt and the receiver's HTTP status (null for e-mail). */
    record Outcome(Claim claim, Integer httpStatus) {
    }

    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    private static final int BATCH = 500;

    private final BlockingQueue<Outcome> queue = new LinkedBlockingQueue<>();
    private final DeliveryRows rows;
    private final DeliveryOutcomes outcomes;
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeRecorder(DeliveryRows rows, DeliveryOutcomes outcomes) {
        this.rows = rows;
        this.outcomes = outcomes;
        this.thread = new Thread(this::run, "centinela-delivery-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    void delivered(Claim claim, Integer httpStatus) {
        queue.add(new Outcome(claim, httpStatus));
    }

    /** Records what is queued on the caller's thread, then ends the recorder. */
    void stop() {
        running = false;
        thread.interrupt();
        List<Outcome> left = new ArrayList<>();
        queue.drainTo(left);
        write(left);
    }

    private void run() {
        List<Outcome> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Outcome> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        try {
            recordDelivered(delivered);
        } catch (RuntimeException batchFailure) {
            if (delivered.size() == 1) {
                notRecorded(delivered.get(0).claim(), batchFailure);
                return;
            }
            // One bad row must not leave the others' claims to lapse: each alone.
            for (Outcome outcome : delivered) {
                try {
                    recordDelivered(List.of(outcome));
                } catch (RuntimeException e) {
                    notRecorded(outcome.claim(), e);
                }
            }
        }
    }

    private void recordDelivered(List<Outcome> delivered) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Time.now();
            for (Claim claim : rows.delivered(delivered, now)) {
                outcomes.delivered(claim.alertId(), claim.deliveryId(), claim.channel(), now);
            }
        });
    }

    private static void notRecorded(Claim claim, RuntimeException e) {
        LOG.errorf(e, "Outcome of a delivery attempt not recorded; the claim lapses and it is sent again [alertId=%s, deliveryId=%s]",
                claim.alertId(), claim.deliveryId());
    }
}
