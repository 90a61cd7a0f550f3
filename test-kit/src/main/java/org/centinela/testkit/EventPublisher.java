package org.centinela.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;

/**
 * Writes events onto a deployment's topics the way intake's and alerts' relays do: binary CloudEvents, keyed by
 * incident id, acknowledged by the broker before a call returns. Keeps what it sent, to replay it.
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String prefix;
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    private EventPublisher(String bootstrapServers, String topicPrefix) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.prefix = topicPrefix;
    }

    /** Onto the test broker's topics of {@code topicPrefix} (each service's tests have their own, e.g. {@code test-alerts.}). */
    public static EventPublisher onTestTopics(String topicPrefix) {
        return new EventPublisher(TestEnvironment.kafka(), topicPrefix);
    }

    public String topic(String contractTopic) {
        return prefix + contractTopic;
    }

    /** Publishes {@code incident.reported}; returns the CloudEvent id. */
    public String reported(IncidentEventData data) {
        return incident(EventTypes.INCIDENT_REPORTED, data);
    }

    /** Publishes {@code incident.updated}; returns the CloudEvent id. */
    public String updated(IncidentEventData data) {
        return incident(EventTypes.INCIDENT_UPDATED, data);
    }

    public String incident(String type, IncidentEventData data) {
        return incident(UUID.randomUUID().toString(), type, data);
    }

    /** With a CloudEvent id of the caller's: the same id twice is a redelivery. */
    public String incident(String eventId, String type, IncidentEventData data) {
        return send(Topics.INCIDENTS, eventId, type, data.incidentId().toString(), Json.bytes(data));
    }

    public String alert(String type, AlertEventData data) {
        return send(Topics.ALERTS, UUID.randomUUID().toString(), type, data.incidentId().toString(), Json.bytes(data));
    }

    /** Any value under proper CloudEvents headers, on {@code contractTopic} behind the prefix. */
    public String send(String contractTopic, String eventId, String type, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic(contractTopic), key, value);
        String source = contractTopic.equals(Topics.ALERTS) ? EventTypes.SOURCE_ALERTS : EventTypes.SOURCE_INTAKE;
        CloudEventHeaders.write(record.headers(), eventId, source, type, key, Instant.now());
        sendRecord(record);
        return eventId;
    }

    /** A record whose value is not JSON, with proper CloudEvents headers. */
    public String poison(String contractTopic, String type, String key) {
        return send(contractTopic, UUID.randomUUID().toString(), type, key, "{not json".getBytes(StandardCharsets.UTF_8));
    }

    /** A record as given, headers included (or none). */
    public void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Test record not acknowledged by the broker", e);
        }
        sent.add(record);
    }

    /** Sends every record sent so far again, with the same CloudEvent ids. */
    public void replayAll() {
        for (ProducerRecord<String, byte[]> record : List.copyOf(sent)) {
            sendRecord(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
