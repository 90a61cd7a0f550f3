package org.centinela.platform.outbox;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.platform.metrics.MetricNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's Kafka producer: acks=all with idempotence (no loss, no duplicates from retries, order kept with
 * 5 requests in flight), no linger (latency over batching; a relay batch is sent at once anyway). Created lazily
 * and replaced after a failure, so a broker restart never leaves the relay with a producer in a bad state.
 */
@ApplicationScoped
public class OutboxProducer {

    private final String bootstrapServers;
    private final Duration deliveryTimeout;
    private final String clientId;
    private Producer<String, byte[]> producer;

    @Inject
    public OutboxProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, OutboxConfig config,
                          MetricNames names) {
        this(bootstrapServers, config.deliveryTimeout(), names.service() + "-outbox-relay");
    }

    public OutboxProducer(String bootstrapServers, Duration deliveryTimeout, String clientId) {
        this.bootstrapServers = bootstrapServers;
        this.deliveryTimeout = deliveryTimeout;
        this.clientId = clientId;
    }

    public synchronized Producer<String, byte[]> get() {
        if (producer == null) {
            int timeout = (int) deliveryTimeout.toMillis();
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, clientId,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 10_000),
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 10_000)),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** Closes the current producer after a failure; the next {@link #get()} makes a fresh one. */
    public synchronized void discard() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
