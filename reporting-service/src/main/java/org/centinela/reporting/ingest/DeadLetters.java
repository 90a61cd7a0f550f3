package org.centinela.reporting.ingest;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts a record that cannot be read on {@code <topic>.dlq}: same key, value and headers, plus the reason and
 * where it came from, in the header names SmallRye's dead-letter queue uses.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final KafkaProducer<String, byte[]> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "reporting-dead-letters"),
                new StringSerializer(), new ByteArraySerializer());
    }

    public Future<RecordMetadata> send(ConsumerRecord<String, byte[]> record, UnreadableEventException error) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.deadLetter(record.topic()), record.key(),
                record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header);
        }
        put(dead, REASON, error.getMessage());
        if (error.getCause() != null) {
            put(dead, CAUSE, String.valueOf(error.getCause().getMessage()));
        }
        put(dead, TOPIC, record.topic());
        put(dead, PARTITION, Integer.toString(record.partition()));
        put(dead, OFFSET, Long.toString(record.offset()));
        return producer.send(dead);
    }

    private static void put(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
