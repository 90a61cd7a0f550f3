package org.centinela.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.vocabulary.Priority;

/** Plays alerts-service: publishes alert events to intake's test alerts topic. */
final class Alerts {

    static final String TOPIC = "test-intake." + Topics.ALERTS;

    private Alerts() {
    }

    static void publish(UUID incidentId, UUID teamId, UUID escalatedTo, String type) throws Exception {
        Instant now = Instant.now();
        AlertEventData data = new AlertEventData(UUID.randomUUID(), incidentId, "PE-2026-000001", teamId, Priority.HIGH,
                "PE-CAJ", now, now, null, null, escalatedTo);
        publishRaw(incidentId, type, Fixtures.JSON.findAndRegisterModules().writeValueAsString(data).getBytes(StandardCharsets.UTF_8));
    }

    static void publishRaw(UUID incidentId, String type, byte[] value) throws Exception {
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, incidentId.toString(), value);
            CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), EventTypes.SOURCE_ALERTS, type,
                    incidentId.toString(), now);
            producer.send(record).get();
        }
    }
}
