package org.centinela.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.Topics;
import org.centinela.platform.metrics.MetricNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a record its consumer cannot read on {@code <topic>.dlq}: same key, value and headers, plus the error and where
 * the record came from in the {@code dead-letter-*} headers SmallRye's dead-letter queue uses, so one tool reads both.
 * acks=all with idempotence: the caller moves its offsets only once the broker holds the dead letter.
 */
@ApplicationScoped
public class DeadLetterWriter {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final String bootstrapServers;
    private final String clientId;
    private Producer<String, byte[]> producer;

    public DeadLetterWriter(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MetricNames names) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = names.service() + "-dead-letters";
    }

    public synchronized Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, Exception error) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        put(dead, REASON, String.valueOf(error.getMessage()));
        if (error.getCause() != null) {
            put(dead, CAUSE, String.valueOf(error.getCause().getMessage()));
        }
        put(dead, TOPIC, record.topic());
        put(dead, PARTITION, Integer.toString(record.partition()));
        put(dead, OFFSET, Long.toString(record.offset()));
        return producer().send(dead);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, clientId,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static void put(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
