package org.centinela.platform.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One supervised consumer: polls, reads each record ({@link EventHandler#read}; unreadable ones go to
 * {@code <topic>.dlq} once the broker has them), applies the poll's events in one call, and only then commits the
 * offsets. Whatever fails after reading — the database or broker away, a pool timeout, a bug — is retried in place:
 * the partitions are rewound to the batch and offered again after a capped backoff, so nothing is skipped, nothing
 * dead-lettered for a transient cause, and nothing is fatal. Any {@link Throwable} that escapes the loop closes the
 * consumer and opens a new one after the backoff; only {@link #stop()} ends it. Its {@link #status()} tells readiness
 * whether it runs and whether it makes progress while records wait.
 *
 * <p>A plain {@link KafkaConsumer} rather than a SmallRye channel: the batch, the commit after the database
 * transaction, the dead-lettering of records that do not even deserialize and retries without a deadline are then
 * one short loop, the same in every service, with none of the connector's fatal paths (a record left unacknowledged
 * for 60 s closes a SmallRye consumer for good).
 */
public final class ConsumerLoop<T> {

    public enum State { STARTING, RUNNING, RETRYING, RESTARTING, DONE, FAILED, STOPPED }

    /** What readiness and operators see of a loop. */
    public record Status(String name, State state, boolean assigned, long lag, Duration sinceProgress, String lastError) {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final ConsumerSettings settings;
    private final EventHandler<T> handler;
    private final String bootstrapServers;
    private final String clientPrefix;
    private final DeadLetterWriter deadLetters;
    private final ConsumerMeters meters;
    private final Duration maxBackoff;

    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    /** Unreadable records already on the DLQ, so a rewound batch does not put them there twice. */
    private final Set<String> deadLettered = new HashSet<>();
    private volatile boolean running = true;
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile State state = State.STARTING;
    private volatile Instant lastProgress = Instant.now();
    private volatile String lastError;
    private volatile long total;
    private volatile long read;
    private volatile long unreadable;
    private volatile Map<TopicPartition, Long> endOffsets = Map.of();
    private Thread thread;

    ConsumerLoop(ConsumerSettings settings, EventHandler<T> handler, String bootstrapServers, String clientPrefix,
                 DeadLetterWriter deadLetters, ConsumerMeters meters, Duration maxBackoff) {
        this.settings = settings;
        this.handler = handler;
        this.bootstrapServers = bootstrapServers;
        this.clientPrefix = clientPrefix;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.maxBackoff = maxBackoff;
        meters.bind(this);
    }

    public String name() {
        return settings.name();
    }

    /** Runs the loop on a thread of its own, named after it. */
    public synchronized ConsumerLoop<T> start() {
        thread = new Thread(this::run, "centinela-consumer-" + settings.name());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Ends the loop (its current batch finishes or is rewound) and waits a moment for its thread. */
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread looping = thread;
        if (looping != null && looping != Thread.currentThread()) {
            try {
                looping.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Status status() {
        long waiting = lag.values().stream().mapToLong(Long::longValue).sum();
        return new Status(settings.name(), state, assigned, waiting, sinceProgress(), lastError);
    }

    /** Time since the loop last applied a batch or found nothing waiting: it grows only while records wait. */
    public Duration sinceProgress() {
        return Duration.between(lastProgress, Instant.now());
    }

    /** A replay's records from its start to the end offsets it found; 0 until known. */
    public long total() {
        return total;
    }

    /** A replay's end offsets, found when it joined: where a replay that goes on from this one starts. */
    public Map<TopicPartition, Long> endOffsets() {
        return endOffsets;
    }

    /** Records read so far (applied or dead-lettered). */
    public long read() {
        return read;
    }

    /** A replay's unreadable records, skipped (the live consumer dead-lettered them when it first read them). */
    public long unreadable() {
        return unreadable;
    }

    Map<TopicPartition, Long> lag() {
        return lag;
    }

    /**
     * The loop itself, on the caller's thread: returns when stopped or, for a replay, when the end offsets are
     * reached; throws when a replay gives up on a failing batch.
     */
    public void run() {
        Duration backoff = Duration.ZERO;
        try {
            while (running) {
                try (KafkaConsumer<String, byte[]> kafka = open()) {
                    consumer = kafka;
                    Map<TopicPartition, Long> end = join(kafka);
                    state = State.RUNNING;
                    backoff = Duration.ZERO;
                    if (consume(kafka, end)) {
                        state = State.DONE;
                        return;
                    }
                } catch (WakeupException e) {
                    // stop() woke the consumer
                } catch (ReplayFailedException e) {
                    state = State.FAILED;
                    throw e;
                } catch (Throwable e) {
                    if (!running) {
                        break;
                    }
                    state = State.RESTARTING;
                    lastError = describe(e);
                    backoff = next(backoff);
                    LOG.errorf(e, "[consumer=%s] Consumer failed; a new one in %d ms", settings.name(), backoff.toMillis());
                    sleep(backoff);
                } finally {
                    consumer = null;
                    assigned = false;
                }
            }
        } finally {
            if (state != State.DONE && state != State.FAILED) {
                state = State.STOPPED;
            }
            LOG.infof("[consumer=%s] Consumer loop ended (%s)", settings.name(), state);
        }
    }

    private KafkaConsumer<String, byte[]> open() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientPrefix + "-" + settings.name() + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.autoOffsetReset());
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchMaxWait().toMillis());
        settings.groupId().ifPresent(group -> config.put(ConsumerConfig.GROUP_ID_CONFIG, group));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Subscribes (group) or assigns every partition from the beginning, or from its start offset when the settings
     * give one; returns a replay's end offsets, else null.
     */
    private Map<TopicPartition, Long> join(KafkaConsumer<String, byte[]> kafka) {
        if (settings.groupId().isPresent()) {
            kafka.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    partitions.forEach(lag::remove);
                    assigned = !kafka.assignment().isEmpty() && !partitions.containsAll(kafka.assignment());
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    partitions.forEach(kafka::position);
                    assigned = !kafka.assignment().isEmpty();
                    LOG.infof("[consumer=%s] Consuming %s", settings.name(), kafka.assignment());
                }
            });
            return null;
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : settings.topics()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions (not created yet?)");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        settings.startOffsets().forEach((partition, offset) -> {
            if (partitions.contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
        partitions.forEach(kafka::position);
        assigned = true;
        if (!settings.replay()) {
            return null;
        }
        Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
        long records = 0;
        for (TopicPartition partition : partitions) {
            records += end.get(partition) - kafka.position(partition);
        }
        total = records;
        endOffsets = Map.copyOf(end);
        LOG.infof("[consumer=%s] Replaying %d records of %s", settings.name(), records, partitions);
        return end;
    }

    /** Polls and applies until stopped; true when a replay reached its end offsets. */
    private boolean consume(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) throws Exception {
        Duration backoff = Duration.ZERO;
        Instant failingSince = null;
        while (running) {
            if (end != null && reached(kafka, end)) {
                return true;
            }
            ConsumerRecords<String, byte[]> polled = kafka.poll(POLL);
            measureLag(kafka);
            List<ConsumerRecord<String, byte[]>> records = within(polled, end);
            if (records.isEmpty()) {
                if (state != State.RETRYING && waiting() == 0) {
                    lastProgress = Instant.now();
                }
                continue;
            }
            try {
                apply(kafka, records);
                state = State.RUNNING;
                lastProgress = Instant.now();
                lastError = null;
                backoff = Duration.ZERO;
                failingSince = null;
            } catch (WakeupException e) {
                throw e;
            } catch (Throwable e) {
                state = State.RETRYING;
                lastError = describe(e);
                meters.retried(this);
                failingSince = failingSince == null ? Instant.now() : failingSince;
                if (settings.giveUpAfter().filter(limit -> Duration.between(lastProgress, Instant.now()).compareTo(limit) > 0).isPresent()) {
                    throw new ReplayFailedException(settings.name(), e);
                }
                rewind(kafka, records);
                backoff = next(backoff);
                LOG.errorf(e, "[consumer=%s] %d records not applied (%s); retrying in %d ms, failing for %d s", settings.name(),
                        records.size(), range(records), backoff.toMillis(), Duration.between(failingSince, Instant.now()).toSeconds());
                sleep(backoff);
            }
        }
        return false;
    }

    private void apply(KafkaConsumer<String, byte[]> kafka, List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<T> events = new ArrayList<>(records.size());
        List<Future<?>> dead = new ArrayList<>();
        List<String> deadKeys = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(handler.read(CloudEventRecord.of(record)));
            } catch (UnreadableEventException e) {
                if (settings.replay()) {
                    unreadable++; // a replay meets again what the live consumer put on the DLQ: counted only
                    continue;
                }
                String key = record.topic() + "-" + record.partition() + "@" + record.offset();
                if (deadLettered.contains(key)) {
                    continue;
                }
                LOG.warnf("[consumer=%s, offset=%s] Unreadable record sent to the dead-letter topic: %s", settings.name(),
                        key, e.getMessage());
                dead.add(deadLetters.send(record, e));
                deadKeys.add(key);
            }
        }
        for (Future<?> sent : dead) {
            sent.get(30, TimeUnit.SECONDS);
        }
        deadLettered.addAll(deadKeys);
        meters.deadLettered(this, deadKeys.size());
        if (!events.isEmpty()) {
            handler.apply(events);
        }
        if (settings.groupId().isPresent()) {
            kafka.commitSync(nextOffsets(records));
        }
        deadLettered.clear();
        read += records.size();
        meters.processed(this, records.size());
    }

    /** The polled records, without those at or past a replay's end offsets. */
    private static List<ConsumerRecord<String, byte[]>> within(ConsumerRecords<String, byte[]> polled,
                                                               Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
        for (ConsumerRecord<String, byte[]> record : polled) {
            if (end == null || record.offset() < end.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                records.add(record);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (kafka.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void measureLag(KafkaConsumer<String, byte[]> kafka) {
        for (TopicPartition partition : kafka.assignment()) {
            kafka.currentLag(partition).ifPresent(value -> lag.put(partition, value));
        }
        lag.keySet().retainAll(kafka.assignment());
        meters.lagMeasured(this);
    }

    private long waiting() {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Back to the first record of the batch on every partition still ours: the same records come again. */
    private static void rewind(KafkaConsumer<String, byte[]> kafka, List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        Set<TopicPartition> ours = kafka.assignment();
        first.forEach((partition, offset) -> {
            if (ours.contains(partition)) {
                kafka.seek(partition, offset);
            }
        });
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private static String range(List<ConsumerRecord<String, byte[]>> records) {
        ConsumerRecord<String, byte[]> first = records.get(0);
        return first.topic() + "-" + first.partition() + "@" + first.offset() + "…";
    }

    private Duration next(Duration backoff) {
        if (backoff.isZero()) {
            return FIRST_BACKOFF;
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e) : e + " (cause: " + root + ")";
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A replay whose batch kept failing past {@link ConsumerSettings#giveUpAfter()}. */
    public static final class ReplayFailedException extends RuntimeException {

        ReplayFailedException(String name, Throwable cause) {
            super("replay " + name + " gave up: " + cause.getMessage(), cause);
        }
    }
}
