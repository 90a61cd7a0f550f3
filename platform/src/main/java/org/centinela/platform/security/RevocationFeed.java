package org.centinela.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centinela.contract.Topics;
import org.centinela.contract.event.PrincipalRevokedData;
import org.centinela.platform.kafka.TopicNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every revocation on {@link Topics#PRINCIPALS} from the beginning, in every instance of every service, so
 * that a revoked token is refused everywhere within moments (SPEC §3: within 60 s). No consumer group: each
 * instance needs all of it, and the topic is small and kept forever.
 */
@ApplicationScoped
public class RevocationFeed {

    private static final Logger LOG = Logger.getLogger(RevocationFeed.class);

    private final String bootstrapServers;
    private final String topic;
    private final RevokedPrincipals revoked;
    private final ObjectMapper json;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;

    public RevocationFeed(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          TopicNames topics,
                          RevokedPrincipals revoked, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topics.of(Topics.PRINCIPALS);
        this.revoked = revoked;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        Thread thread = new Thread(this::run, "centinela-revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "revocation-feed-" + UUID.randomUUID()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofSeconds(1))) {
                    apply(record);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the consumer: the service is shutting down.
        } catch (RuntimeException e) {
            LOG.error("Revocation feed stopped; revoked tokens may be accepted until restart", e);
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                var infos = kafka.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                LOG.debugf("Kafka not reachable yet for %s", topic);
            }
            LOG.warnf("Topic %s not found yet; retrying", topic);
            sleepQuietly();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            PrincipalRevokedData data = json.readValue(record.value(), PrincipalRevokedData.class);
            revoked.revoke(data.principalId());
        } catch (Exception e) {
            LOG.errorf(e, "Unreadable revocation at %s-%d@%d skipped", record.topic(), record.partition(), record.offset());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
