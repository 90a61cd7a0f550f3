package org.centinela.reporting.ingest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centinela.reporting.ReportingConfig;
import org.centinela.reporting.aggregate.AggregateStore;
import org.centinela.reporting.aggregate.ServedVersion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies the incidents and alerts topics to the aggregates (consumer group {@code reporting}). Each poll's
 * records are applied in one transaction; offsets are committed only after it commits, so a crash or rebalance
 * redelivers, and processed_event makes the redelivery count nothing. Unreadable records go to the topic's DLQ
 * (the broker has acknowledged them before the offsets move) and consumption goes on. A plain consumer rather
 * than a SmallRye channel: the batch, the commit after the database transaction and the DLQ of records that do
 * not even deserialize are then one short loop.
 */
@ApplicationScoped
public class LiveConsumer {

    private static final Logger LOG = Logger.getLogger(LiveConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final ReportingConfig config;
    private final ReportingTopics topics;
    private final EventReader reader;
    private final DeadLetters deadLetters;
    private final AggregateStore store;
    private final ServedVersion servedVersion;
    private final ConsumerMetrics metrics;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile boolean alive = true;

    public LiveConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                        ReportingConfig config, ReportingTopics topics, EventReader reader, DeadLetters deadLetters,
                        AggregateStore store, ServedVersion servedVersion, ConsumerMetrics metrics) {
        this.bootstrapServers = bootstrapServers;
        this.config = config;
        this.topics = topics;
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.store = store;
        this.servedVersion = servedVersion;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::run, "centinela-reporting-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    /** Whether partitions are assigned and their start positions known (tests wait for it before producing). */
    public boolean isAssigned() {
        return assigned;
    }

    /** False once the consumer loop has ended (shutdown or an unexpected error). */
    public boolean isAlive() {
        return alive;
    }

    private void run() {
        try {
            consume();
        } finally {
            alive = false;
        }
    }

    private void consume() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, config.autoOffsetReset());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
        // Freshness (SPEC §6: within 2 s): a fetch returns as soon as one record is there.
        settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(topics.all(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    assigned = false;
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(kafka::position);
                    assigned = !partitions.isEmpty();
                    LOG.infof("Consuming %s", partitions);
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(200));
                if (!records.isEmpty() && !handle(kafka, records)) {
                    rewind(kafka, records);
                    sleep(RETRY_PAUSE);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer: the service is shutting down.
        } catch (RuntimeException e) {
            LOG.error("Reporting consumer stopped; figures will not change until restart", e);
        }
    }

    /** Applies one poll; true when its offsets may be committed. */
    private boolean handle(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        List<ReportingEvent> events = new ArrayList<>(records.count());
        List<Future<?>> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record));
            } catch (UnreadableEventException e) {
                LOG.warnf("[topic=%s, partition=%d, offset=%d] Unreadable record sent to the DLQ: %s",
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                dead.add(deadLetters.send(record, e));
                metrics.deadLettered.increment();
            }
        }
        try {
            for (Future<?> sent : dead) {
                sent.get();
            }
            if (!events.isEmpty()) {
                metrics.batchApply.record(() -> store.applyLive(events))
                        .ifPresent(state -> servedVersion.advance(state.version()));
                metrics.consumed.increment(events.size());
            }
            kafka.commitSync(nextOffsets(records));
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (Exception e) {
            LOG.errorf(e, "Batch of %d records not applied; retrying", records.count());
            return false;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> list = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
