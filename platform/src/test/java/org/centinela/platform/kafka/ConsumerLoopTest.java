package org.centinela.platform.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.platform.metrics.MetricNames;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervised consumer loop against the test broker: what fails is retried, nothing kills it, stalls show. */
class ConsumerLoopTest {

    private static final String KAFKA = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MetricNames names = new MetricNames("platform-test");
    private String topic;
    private ConsumerLoops loops;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void topics() throws Exception {
        topic = "test-platform." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1), new NewTopic(Topics.deadLetter(topic), 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        loops = new ConsumerLoops(KAFKA, Duration.ofMillis(400), new DeadLetterWriter(KAFKA, names), registry, names);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() throws Exception {
        loops.running().forEach(ConsumerLoop::stop);
        producer.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA))) {
            admin.deleteTopics(List.of(topic, Topics.deadLetter(topic))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anErrorThrownWhileApplyingIsRetriedInPlaceAndTheLoopGoesOn() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        Set<String> applied = ConcurrentHashMap.newKeySet();
        loops.start(ConsumerSettings.group("erring", "test-" + UUID.randomUUID(), List.of(topic)), new Recording(applied) {
            @Override
            public void apply(List<String> events) {
                if (failuresLeft.getAndDecrement() > 0) {
                    // What killed the revocation feed and reporting's consumer before: not a RuntimeException.
                    throw new StackOverflowError("simulated");
                }
                super.apply(events);
            }
        });

        for (int i = 0; i < 5; i++) {
            send("event-" + i, "{}");
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.size() == 5);
        assertTrue(registry.counter(names.of(ConsumerMeters.RETRIES), "consumer", "erring").count() >= 3);
        await().atMost(Duration.ofSeconds(5)).until(() -> loops.running().get(0).status().state() == ConsumerLoop.State.RUNNING);
        send("event-after", "{}");
        await().atMost(Duration.ofSeconds(10)).until(() -> applied.contains("event-after"));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicOnceEvenWhenItsBatchIsRetried() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Set<String> applied = ConcurrentHashMap.newKeySet();
        loops.start(ConsumerSettings.group("dead-letters", "test-" + UUID.randomUUID(), List.of(topic)), new Recording(applied) {
            @Override
            public void apply(List<String> events) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("database away");
                }
                super.apply(events);
            }
        });

        producer.send(new ProducerRecord<>(topic, "k", "no headers".getBytes(StandardCharsets.UTF_8))).get();
        send("good", "{}");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("good"));
        assertEquals(1, recordsOn(Topics.deadLetter(topic)));
        assertEquals(1.0, registry.counter(names.of(ConsumerMeters.DEAD_LETTERED), "consumer", "dead-letters").count());
    }

    @Test
    void aLoopThatMakesNoProgressWhileRecordsWaitTurnsReadinessDown() throws Exception {
        loops.start(ConsumerSettings.group("stalled", "test-" + UUID.randomUUID(), List.of(topic)), new Recording(Set.of()) {
            @Override
            public void apply(List<String> events) {
                throw new IllegalStateException("database away for good");
            }
        });
        ConsumerReadiness readiness = new ConsumerReadiness(loops, Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> loops.running().get(0).status().assigned());
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());

        send("stuck", "{}");

        HealthCheckResponse down = await().atMost(Duration.ofSeconds(20))
                .until(readiness::call, response -> response.getStatus() == HealthCheckResponse.Status.DOWN);
        assertTrue(String.valueOf(down.getData().orElseThrow().get("stalled")).contains("database away for good"));
    }

    @Test
    void aReplayReadsUpToTheEndOffsetsFoundAtItsStartAndEnds() throws Exception {
        for (int i = 0; i < 7; i++) {
            send("old-" + i, "{}");
        }
        Set<String> applied = ConcurrentHashMap.newKeySet();
        AtomicBoolean sentLater = new AtomicBoolean();
        ConsumerLoop<String> replay = loops.create(ConsumerSettings.replay("replay", List.of(topic), Duration.ofSeconds(5))
                .withMaxPollRecords(2), new Recording(applied) {
                    @Override
                    public void apply(List<String> events) {
                        super.apply(events);
                        if (!sentLater.getAndSet(true)) {
                            send("later", "{}"); // arrives during the replay: past its end offsets
                        }
                    }
                });

        replay.run();

        assertEquals(ConsumerLoop.State.DONE, replay.status().state());
        assertEquals(7, replay.total());
        assertEquals(7, applied.size());
        assertTrue(applied.stream().allMatch(id -> id.startsWith("old-")));
    }

    private void send(String eventId, String json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, eventId, json.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), eventId, "/test", "test.event", eventId, Instant.now());
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long recordsOn(String deadLetterTopic) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(deadLetterTopic, 0);
            return reader.endOffsets(List.of(partition)).get(partition);
        }
    }

    /** Reads each record as its CloudEvent id and records what was applied. */
    private static class Recording implements EventHandler<String> {

        private final Set<String> applied;

        Recording(Set<String> applied) {
            this.applied = applied;
        }

        @Override
        public String read(CloudEventRecord record) {
            return record.id();
        }

        @Override
        public void apply(List<String> events) {
            applied.addAll(events);
        }
    }
}
