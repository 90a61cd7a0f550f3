package org.centinela.platform.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.sql.SQLException;
import java.util.List;
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
import org.centinela.platform.config.CentinelaConfig;
import org.centinela.platform.kafka.TopicNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes {@code principal.revoked} and waits for the broker's acknowledgement, so that a DELETE answered 204
 * has reached every service's {@link RevocationFeed}; then records the revocation in this service's own
 * {@link RevokedPrincipals}, so the owning service refuses the tokens at once, whatever the feed is doing. The record
 * is a CloudEvent in binary mode, like every Centinela event.
 */
@ApplicationScoped
public class RevocationPublisher {

    private static final Logger LOG = Logger.getLogger(RevocationPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String source;
    private final ObjectMapper json;
    private final RevokedPrincipals revoked;

    public RevocationPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               TopicNames topics,
                               CentinelaConfig config,
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
        this.source = config.eventSource();
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
        try {
            revoked.revoke(List.of(new RevokedPrincipals.Revocation(principalId, role, now)));
        } catch (SQLException e) {
            // Published: every service's feed records it, this one's too, within moments.
            LOG.warnf(e, "Revocation published but not yet recorded here [principalId=%s]", principalId);
        }
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
