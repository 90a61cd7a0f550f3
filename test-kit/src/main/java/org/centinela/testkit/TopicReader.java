package org.centinela.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a topic with a plain consumer and no group, from the moment it is opened or from the beginning. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** What is written to {@code topic} on the test broker from now on. */
    public static TopicReader fromNow(String topic) {
        return new TopicReader(TestEnvironment.kafka(), topic, false);
    }

    /** Everything {@code topic} of {@code bootstrapServers} holds, and what comes. */
    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, true);
    }

    /** Waits until {@code count} records read so far match, and returns all that match. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, int count) {
        return await(match, count, Duration.ofSeconds(20));
    }

    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> match, int count,
                                                      Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            poll();
            return seen.stream().filter(match).count() >= count;
        });
        return seen.stream().filter(match).toList();
    }

    /** Everything matching that arrives within {@code period}, including what was read before. */
    public List<ConsumerRecord<String, byte[]>> collect(Predicate<ConsumerRecord<String, byte[]>> match, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return seen.stream().filter(match).toList();
    }

    /** Polls until {@code done} holds for everything read so far; fails after {@code timeout}. */
    public List<ConsumerRecord<String, byte[]>> until(Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        Awaitility.await().atMost(timeout).until(() -> {
            poll();
            return done.test(seen);
        });
        return List.copyOf(seen);
    }

    /** Everything that arrives within {@code period}, including what was read before. */
    public List<ConsumerRecord<String, byte[]>> during(Duration period) {
        return collect(record -> true, period);
    }

    /** Reads until the end of every partition as it is now; returns everything read so far. */
    public List<ConsumerRecord<String, byte[]>> drain() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            poll();
            return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        });
        return List.copyOf(seen);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
