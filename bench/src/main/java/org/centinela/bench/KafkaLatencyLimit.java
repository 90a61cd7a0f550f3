package org.centinela.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The limit of alert-latency: Kafka's own produce→consume latency (acks=all) at the same open-loop rate, on a
 * scratch topic created and deleted here. Every hop of Centinela's alert path crosses Kafka at least once.
 */
final class KafkaLatencyLimit {

    /** About the size of an incident.reported record. */
    private static final int VALUE_BYTES = 800;

    record Outcome(Latencies latencies, long sent, long received) {
    }

    private KafkaLatencyLimit() {
    }

    static Outcome run(String bootstrap, double rate, Duration warmup, Duration measure) throws Exception {
        String topic = "bench.latency." + UUID.randomUUID().toString().substring(0, 8);
        Kafka.createTopics(bootstrap, List.of(topic), 1);
        try {
            return measure(bootstrap, topic, rate, warmup, measure);
        } finally {
            Kafka.deleteTopic(bootstrap, topic);
        }
    }

    private static Outcome measure(String bootstrap, String topic, double rate, Duration warmup, Duration measure)
            throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong received = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch positioned = new CountDownLatch(1);
        long measureFrom = System.nanoTime() + warmup.toNanos();
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = Kafka.consumer(bootstrap)) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToEnd(List.of(partition));
                consumer.position(partition);
                positioned.countDown();
                while (!stop.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        long sentAt = ByteBuffer.wrap(record.value()).getLong();
                        received.incrementAndGet();
                        if (sentAt >= measureFrom) {
                            latencies.record(now - sentAt);
                        }
                    }
                }
            }
        }, "kafka-latency-reader");
        reader.start();
        if (!positioned.await(30, TimeUnit.SECONDS)) {
            stop.set(true);
            throw new IllegalStateException("the consumer could not reach " + topic + " within 30 s");
        }
        long sent;
        try (KafkaProducer<String, byte[]> producer = Kafka.producer(bootstrap, 0)) {
            producer.partitionsFor(topic);
            sent = OpenLoop.run(rate, warmup.plus(measure), i -> {
                byte[] value = new byte[VALUE_BYTES];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, 0, Long.toString(i), value));
            });
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        stop.set(true);
        reader.join(10_000);
        return new Outcome(latencies, sent, received.get());
    }
}
