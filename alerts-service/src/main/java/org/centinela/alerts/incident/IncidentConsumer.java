package org.centinela.alerts.incident;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.centinela.alerts.Metrics;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Dispatcher;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes incident events (consumer group {@code alerts}). Values arrive as bytes and are parsed here, so an
 * unreadable record can never stop the channel: it goes to {@code <topic>.dlq} with the error, then is
 * acknowledged. A readable one is applied in one transaction and acknowledged only after the commit; its
 * notifications are handed to the {@link Dispatcher}'s own threads, so sending never holds up the next incident.
 */
@ApplicationScoped
public class IncidentConsumer {

    private static final Logger LOG = Logger.getLogger(IncidentConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final IncidentProcessor processor;
    private final Dispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final MeterRegistry metrics;

    public IncidentConsumer(IncidentProcessor processor, Dispatcher dispatcher, DeadLetters deadLetters,
                            MeterRegistry metrics) {
        this.processor = processor;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    @Incoming("incidents")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) throws InterruptedException {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        IncidentEvent event;
        try {
            event = IncidentEventParser.parse(record.getHeaders(), message.getPayload());
        } catch (UnparseableEventException e) {
            deadLetter(record, message.getPayload(), e);
            return message.ack();
        }
        dispatcher.dispatch(applyUntilDone(event, record));
        return message.ack();
    }

    /**
     * A failure here is the database's or ours, not the record's: retrying (and holding this partition back, which
     * keeps each incident's events in order) is right; the dead-letter topic is for records that can never work.
     */
    private List<Claim> applyUntilDone(IncidentEvent event, IncomingKafkaRecordMetadata<String, byte[]> record)
            throws InterruptedException {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                return processor.apply(event);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Incident event not applied, retrying in %d ms [eventId=%s, incidentId=%s, offset=%s-%d@%d]",
                        backoff.toMillis(), event.id(), event.data().incidentId(), record.getTopic(),
                        record.getPartition(), record.getOffset());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void deadLetter(IncomingKafkaRecordMetadata<String, byte[]> record, byte[] value, Exception error)
            throws InterruptedException {
        LOG.warnf("Unreadable record sent to the dead-letter topic [offset=%s-%d@%d]: %s", record.getTopic(),
                record.getPartition(), record.getOffset(), error.getMessage());
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                deadLetters.send(record.getTopic(), record.getPartition(), record.getOffset(), record.getKey(), value,
                        record.getHeaders(), error);
                metrics.counter(Metrics.DEAD_LETTERS).increment();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                LOG.errorf(e, "Dead letter not written, retrying [offset=%s-%d@%d]", record.getTopic(),
                        record.getPartition(), record.getOffset());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
