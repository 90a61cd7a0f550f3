package org.centinela.alerts.outbox;

import org.centinela.platform.kafka.TopicNames;
import org.centinela.alerts.Time;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the alerts topic in id order and marks them published once the broker
 * has acknowledged them (at-least-once; consumers deduplicate by CloudEvent id). A transaction-scoped advisory
 * lock keeps a single relay at work across instances, so events of one incident keep their order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6365_6e74_0001L;
    private static final int BATCH = 500;

    private final EventProducer producer;
    private final EntityManager em;
    private final String topic;
    private final String source;
    private final Duration idle;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running = true;

    public OutboxRelay(EventProducer producer, EntityManager em,
                       TopicNames topics,
                       @ConfigProperty(name = "centinela.event-source") String source,
                       @ConfigProperty(name = "centinela.outbox.poll-interval", defaultValue = "PT1S") Duration idle) {
        this.producer = producer;
        this.em = em;
        this.topic = topics.of(Topics.ALERTS);
        this.source = source;
        this.idle = idle;
    }

    /** Asks the relay to look now rather than at its next poll: called after a commit that wrote events. */
    public void wake() {
        wakeups.release();
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::run, "centinela-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeups.release();
    }

    private void run() {
        while (running) {
            try {
                int published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                if (published < BATCH) {
                    wakeups.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish (will retry): %s", e.getMessage());
                sleep(idle);
            }
        }
    }

    private int publishBatch() throws Exception {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!locked) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> events = em.createQuery("FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY id")
                .setMaxResults(BATCH).getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.incidentId.toString(),
                    event.data.getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), event.eventId.toString(), source, event.type,
                    event.incidentId.toString(), event.occurredAt);
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(15, TimeUnit.SECONDS);
        }
        List<Long> ids = events.stream().map(event -> event.id).toList();
        em.createQuery("UPDATE OutboxEvent SET publishedAt = :now WHERE id IN :ids")
                .setParameter("now", Time.now()).setParameter("ids", ids).executeUpdate();
        LOG.debugf("Published %d alert events, last [eventId=%s]", events.size(), events.get(events.size() - 1).eventId);
        return events.size();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
