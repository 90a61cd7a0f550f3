package org.centinela.alerts.incident;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.centinela.alerts.outbox.EventProducer;
import org.centinela.contract.Topics;

/**
 * Puts a record this service cannot read on {@code <topic>.dlq}: same key, value and headers, plus the error in
 * the {@code dead-letter-*} headers SmallRye's own dead-letter queue uses, so one tool reads both.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";

    private final EventProducer producer;

    public DeadLetters(EventProducer producer) {
        this.producer = producer;
    }

    /** Returns once the broker holds the dead letter, so the original may be acknowledged. */
    public void send(String topic, int partition, long offset, String key, byte[] value, Headers headers, Exception error)
            throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.deadLetter(topic), key, value);
        for (Header header : headers) {
            record.headers().add(header);
        }
        add(record.headers(), REASON, String.valueOf(error.getMessage()));
        if (error.getCause() != null) {
            add(record.headers(), CAUSE, String.valueOf(error.getCause().getMessage()));
        }
        add(record.headers(), TOPIC, topic);
        add(record.headers(), PARTITION, Integer.toString(partition));
        add(record.headers(), OFFSET, Long.toString(offset));
        producer.send(record).get(15, TimeUnit.SECONDS);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
