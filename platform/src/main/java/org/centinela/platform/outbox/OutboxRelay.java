package org.centinela.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.platform.config.CentinelaConfig;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.metrics.MetricNames;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to the service's topic and marks them sent only after the broker acknowledged
 * them. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two instances never publish the same row; a row is
 * claimed only when no earlier row of its incident is still unsent, so each incident's events reach Kafka in order
 * even when two relays run or a send fails. Wakes right after each local commit, on NOTIFY from instances that run no
 * relay, and otherwise polls; while Kafka is unreachable it retries with a growing pause, never skipping a row. Sent rows are
 * deleted once past their retention, so the table holds the backlog and a week of history, not every event ever.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(2);
    private static final int PRUNE_BATCH = 10_000;

    private static final String CLAIM = """
            SELECT o.id, o.event_id, o.incident_id, o.type, o.occurred_at, o.payload
            FROM outbox o
            WHERE o.sent_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox earlier
                              WHERE earlier.incident_id = o.incident_id AND earlier.sent_at IS NULL AND earlier.id < o.id)
            ORDER BY o.id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String BACKLOG = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
            FROM outbox WHERE sent_at IS NULL""";
    private static final String PRUNE = """
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox WHERE sent_at < now() - make_interval(secs => ?) ORDER BY id LIMIT ?)""";

    private final AgroalDataSource dataSource;
    private final OutboxProducer producers;
    private final OutboxConfig config;
    private final String topic;
    private final String source;
    private final Counter published;
    private final Counter failures;
    private final Counter pruned;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private volatile long backlog;
    private volatile double oldestSeconds;
    private Instant backlogMeasured = Instant.EPOCH;
    private Instant prunedAt = Instant.EPOCH;
    private Thread thread;

    public OutboxRelay(AgroalDataSource dataSource, OutboxProducer producers, OutboxConfig config, TopicNames topics,
                       CentinelaConfig centinela, MeterRegistry registry, MetricNames names) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.config = config;
        this.topic = config.topic().map(topics::of).orElse(null);
        this.source = centinela.eventSource();
        if (topic == null) {
            // This service publishes nothing through an outbox: no relay, no meters.
            this.published = null;
            this.failures = null;
            this.pruned = null;
            return;
        }
        this.published = Counter.builder(names.of("outbox_published_events_total"))
                .description("Outbox events acknowledged by Kafka").register(registry);
        this.failures = Counter.builder(names.of("outbox_publish_failures_total"))
                .description("Relay batches that Kafka did not fully acknowledge").register(registry);
        this.pruned = Counter.builder(names.of("outbox_pruned_events_total"))
                .description("Sent outbox rows deleted after their retention").register(registry);
        Gauge.builder(names.of("outbox_backlog_events"), this, relay -> relay.backlog)
                .description("Outbox rows not yet acknowledged by Kafka").register(registry);
        Gauge.builder(names.of("outbox_oldest_unsent_age_seconds"), this, relay -> relay.oldestSeconds)
                .description("Age of the oldest outbox row not yet acknowledged by Kafka").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (topic == null) {
            return;
        }
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled on this instance (centinela.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "centinela-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Makes the relay look for pending rows now. */
    public void wake() {
        signal.release();
    }

    /** Whether this instance's relay is publishing (started, enabled, not shut down). */
    public boolean running() {
        return running;
    }

    /** The topic this relay publishes to. */
    public String topic() {
        return topic;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            signal.drainPermits();
            try {
                int count = relayBatch();
                backoff = Duration.ZERO;
                housekeeping();
                if (count < config.batchSize()) {
                    signal.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                failures.increment();
                producers.discard();
                backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), config.maxBackoff());
                Throwable cause = e.getCause() == null ? e : e.getCause();
                LOG.warnf("Outbox relay could not publish to %s (%s); retrying in %d ms", topic, cause, backoff.toMillis());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes one batch; returns how many rows were claimed. Throws when any of them was not acknowledged. */
    public int relayBatch() throws SQLException, InterruptedException {
        Exception failure = null;
        int claimed;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> rows = claim(connection);
                claimed = rows.size();
                List<Long> acknowledged = new ArrayList<>();
                if (!rows.isEmpty()) {
                    failure = publish(rows, acknowledged);
                    markSent(connection, acknowledged);
                }
                connection.commit();
                published.increment(acknowledged.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        if (failure != null) {
            throw new IllegalStateException("Kafka did not acknowledge every outbox row", failure);
        }
        return claimed;
    }

    /** Refreshes the backlog gauges every few seconds and deletes sent rows past their retention every prune period. */
    private void housekeeping() throws SQLException {
        Instant now = Instant.now();
        if (Duration.between(backlogMeasured, now).compareTo(BACKLOG_EVERY) >= 0) {
            backlogMeasured = now;
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(BACKLOG);
                 ResultSet result = select.executeQuery()) {
                result.next();
                backlog = result.getLong(1);
                oldestSeconds = result.getDouble(2);
            }
        }
        if (Duration.between(prunedAt, now).compareTo(config.pruneEvery()) >= 0) {
            prunedAt = now;
            int deleted;
            do {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement delete = connection.prepareStatement(PRUNE)) {
                    delete.setLong(1, config.retention().toSeconds());
                    delete.setInt(2, PRUNE_BATCH);
                    deleted = delete.executeUpdate();
                }
                pruned.increment(deleted);
            } while (deleted == PRUNE_BATCH && running);
        }
    }

    /** Sends every row and waits for the acks; fills {@code acknowledged} and returns the first failure, if any. */
    private Exception publish(List<Row> rows, List<Long> acknowledged) throws InterruptedException {
        Producer<String, byte[]> producer = producers.get();
        List<Future<RecordMetadata>> futures = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            try {
                futures.add(producer.send(record(row)));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get();
                acknowledged.add(rows.get(i).id());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
                LOG.debugf("Outbox row not acknowledged [incidentId=%s, eventId=%s]", rows.get(i).incidentId(),
                        rows.get(i).eventId());
            }
        }
        return failure;
    }

    private ProducerRecord<String, byte[]> record(Row row) {
        String incidentId = row.incidentId().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, incidentId,
                row.payload().getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), row.eventId().toString(), source, row.type(), incidentId,
                row.occurredAt().toInstant());
        return record;
    }

    private List<Row> claim(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getObject(2, UUID.class), result.getObject(3, UUID.class),
                            result.getString(4), result.getObject(5, OffsetDateTime.class), result.getString(6)));
                }
            }
            return rows;
        }
    }

    private static void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox SET sent_at = now() WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(long id, UUID eventId, UUID incidentId, String type, OffsetDateTime occurredAt, String payload) {
    }
}
