package org.centinela.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centinela.reporting.aggregate.AggregateState;
import org.centinela.reporting.aggregate.AggregateStore;
import org.centinela.reporting.aggregate.ServedVersion;
import org.centinela.reporting.ingest.EventReader;
import org.centinela.reporting.ingest.ReportingEvent;
import org.centinela.reporting.ingest.ReportingTopics;
import org.centinela.reporting.ingest.UnreadableEventException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds every aggregate from the beginning of both topics into a new generation while the served one keeps
 * answering, then switches in one transaction. A plain consumer without a group reads each partition from its
 * start up to the end offset captured when the rebuild began; the live consumer writes every later event into
 * the new generation too (see {@link AggregateStore}), so nothing is missed at the switch. Records are applied
 * in batches of ~50,000 events, one transaction each, written while the next batch is read. Unreadable records were sent to the DLQ when first consumed and are
 * only counted here.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    private static final int POLL_RECORDS = 5_000;
    /** Events per transaction: large, so that an incident's repeated cells and updates merge before the write. */
    private static final int APPLY_AT = 10_000;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final ReportingTopics topics;
    private final EventReader reader;
    private final AggregateStore store;
    private final ServedVersion servedVersion;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>(RebuildProgress.idle());

    public Rebuilder(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ReportingTopics topics,
                     EventReader reader, AggregateStore store, ServedVersion servedVersion) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.reader = reader;
        this.store = store;
        this.servedVersion = servedVersion;
    }

    public RebuildProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (RebuildProgress.RUNNING.equals(progress.get().state())) {
            return false;
        }
        int generation = store.openGeneration();
        progress.set(new RebuildProgress(RebuildProgress.RUNNING, generation, 0, 0, 0, 0, Instant.now(), null, null));
        Thread thread = new Thread(() -> run(generation), "centinela-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run(int generation) {
        Instant started = progress.get().startedAt();
        // One batch is written while the next is read and parsed: Kafka and JSON on this thread, PostgreSQL on that.
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "centinela-rebuild-writer"));
        try (KafkaConsumer<String, byte[]> kafka = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.all()) {
                kafka.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
            long total = 0;
            for (TopicPartition partition : partitions) {
                total += end.get(partition) - kafka.position(partition);
            }
            LOG.infof("[generation=%d] Rebuild started: %d events in %s", generation, total, partitions);
            long done = 0;
            long unreadable = 0;
            Instant lastLog = Instant.now();
            List<ReportingEvent> batch = new ArrayList<>(APPLY_AT + POLL_RECORDS);
            Future<?> writing = null;
            while (!finished(kafka, end)) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue; // the live consumer applies what came after the start
                    }
                    done++;
                    try {
                        batch.add(reader.read(record));
                    } catch (UnreadableEventException e) {
                        unreadable++;
                    }
                }
                if (!batch.isEmpty() && (batch.size() >= APPLY_AT || finished(kafka, end))) {
                    awaitWritten(writing);
                    List<ReportingEvent> full = batch;
                    writing = writer.submit(() -> store.applyToGeneration(generation, full));
                    batch = new ArrayList<>(APPLY_AT + POLL_RECORDS);
                }
                report(generation, started, done, total, null);
                if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                    RebuildProgress now = progress.get();
                    LOG.infof("[generation=%d] Rebuild %.1f%%: %d of %d events, %.0f events/s", generation,
                            now.percent(), done, total, now.eventsPerSecond());
                    lastLog = Instant.now();
                }
            }
            awaitWritten(writing);
            AggregateState switched = store.switchTo(generation);
            servedVersion.advance(switched.version());
            progress.set(new RebuildProgress(RebuildProgress.DONE, generation, done, total,
                    rate(done, started, Instant.now()), 100.0, started, Instant.now(), null));
            LOG.infof("[generation=%d] Rebuild done: %d events (%d unreadable) in %s, %.0f events/s; now served",
                    generation, done, unreadable, Duration.between(started, Instant.now()), progress.get().eventsPerSecond());
        } catch (RuntimeException | Error e) {
            // An Error too (say, out of memory): the rebuild must end FAILED, never stay RUNNING with no thread behind it.
            LOG.errorf(e, "[generation=%d] Rebuild failed; the previous figures stay served", generation);
            store.abandon(generation);
            RebuildProgress last = progress.get();
            progress.set(new RebuildProgress(RebuildProgress.FAILED, generation, last.eventsDone(), last.eventsTotal(),
                    last.eventsPerSecond(), last.percent(), started, Instant.now(), String.valueOf(e.getMessage())));
        } finally {
            writer.shutdownNow();
        }
    }

    private static void awaitWritten(Future<?> writing) {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Rebuild batch failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void report(int generation, Instant started, long done, long total, String error) {
        double percent = total == 0 ? 100.0 : Math.min(100.0, 100.0 * done / total);
        progress.set(new RebuildProgress(RebuildProgress.RUNNING, generation, done, total,
                rate(done, started, Instant.now()), Math.round(percent * 10) / 10.0, started, null, error));
    }

    private static double rate(long done, Instant started, Instant now) {
        double seconds = Math.max(0.001, Duration.between(started, now).toNanos() / 1e9);
        return Math.round(done / seconds);
    }

    private static boolean finished(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (kafka.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, POLL_RECORDS);
        settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
