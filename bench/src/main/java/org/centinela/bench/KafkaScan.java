package org.centinela.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The limit of the rebuild: a plain KafkaConsumer reading topics from the beginning to the end offsets they had
 * when it started, without parsing the records; and how many records the topics hold.
 */
final class KafkaScan {

    record Outcome(long records, double seconds) {

        double rate() {
            return seconds > 0 ? records / seconds : 0;
        }
    }

    private KafkaScan() {
    }

    static long recordCount(String bootstrap, Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
        }
    }

    static Outcome readAll(String bootstrap, Collection<String> topics, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            long start = System.nanoTime();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = start + timeout.toNanos();
            long records = 0;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("read " + records + " records, not the end, in " + timeout);
                }
                records += consumer.poll(Duration.ofMillis(200)).count();
            }
            return new Outcome(records, (System.nanoTime() - start) / 1e9);
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    static long timeoutSeconds(long records) {
        return Math.max(60, TimeUnit.MILLISECONDS.toSeconds(records / 10));
    }
}
