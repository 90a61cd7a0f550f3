package org.centinela.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.PrincipalRevokedData;
import org.centinela.platform.kafka.TopicNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes {@code principal.revoked} and waits for the broker's acknowledgement, so that a DELETE answered 204
 * has reached every service's {@link RevocationFeed}. The record is a CloudEvent in binary mode, like every
 * Centinela event.
 */
@ApplicationScoped
public class RevocationPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String source;
    private final ObjectMapper json;
    private final RevokedPrincipals revoked;

    public RevocationPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               TopicNames topics,
                               @ConfigProperty(name = "centinela.event-source") String source,
                               ObjectMapper json, RevokedPrincipals revoked) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer());
        this.topic = topics.of(Topics.PRINCIPALS);
        this.source = source;
        this.json = json;
        this.revoked = revoked;
    }

    /** Revokes every token of {@code principalId}, here at once and everywhere once the broker has the event. */
    public void revoke(UUID principalId, String role) {
        Instant now = Instant.now();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, principalId.toString(),
                serialize(new PrincipalRevokedData(principalId, role, now)));
        CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), source, EventTypes.PRINCIPAL_REVOKED,
                principalId.toString(), now);
        try {
            producer.send(record).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationNotPublishedException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RevocationNotPublishedException(e);
        }
        revoked.revoke(principalId);
    }

    private byte[] serialize(PrincipalRevokedData data) {
        try {
            return json.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
