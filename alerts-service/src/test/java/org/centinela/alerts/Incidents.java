package org.centinela.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/** Writes incident events onto the test topic as intake-service does: a plain producer, ce_* headers, JSON data. */
public final class Incidents {

    public static final String PREFIX = "test-alerts.";
    public static final String TOPIC = PREFIX + Topics.INCIDENTS;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private Incidents() {
    }

    public static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    public static String bootstrapServers() {
        String servers = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        return servers == null ? "127.0.0.1:19092" : servers;
    }

    public static IncidentEventData incident(String region, boolean riskOngoing, Violation... violations) {
        UUID id = UUID.randomUUID();
        return new IncidentEventData(id, "PE-2026-" + String.format("%06d", 900000 + SEQUENCE.incrementAndGet()),
                UUID.randomUUID(), "Coordinadora Test", LocalDate.of(2026, 11, 20), Instant.now(), region, -6.9, -78.2,
                List.of(violations), List.of(Perpetrator.POLICE), new Defenders(3, 1, List.of(Sector.ENVIRONMENTAL)),
                List.of(Context.PROTEST), riskOngoing, "es", Verification.UNVERIFIED, JusticeStatus.NOT_REPORTED, 0,
                Instant.now());
    }

    /** The same incident at a later revision with other violations and risk. */
    public static IncidentEventData updated(IncidentEventData incident, boolean riskOngoing, Violation... violations) {
        return new IncidentEventData(incident.incidentId(), incident.reference(), incident.organisationId(),
                incident.organisationName(), incident.occurredOn(), incident.receivedAt(), incident.region(),
                incident.latitude(), incident.longitude(), List.of(violations), incident.perpetrators(),
                incident.defenders(), incident.context(), riskOngoing, incident.language(), Verification.CONFIRMED,
                incident.justiceStatus(), incident.revision() + 1, Instant.now());
    }

    /** Publishes the event and returns its CloudEvent id. */
    public static String publish(String type, IncidentEventData data) {
        return publish(UUID.randomUUID().toString(), type, data);
    }

    public static String publish(String eventId, String type, IncidentEventData data) {
        try {
            return send(eventId, type, data.incidentId().toString(), JSON.writeValueAsBytes(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String send(String eventId, String type, String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
        CloudEventHeaders.write(record.headers(), eventId, EventTypes.SOURCE_INTAKE, type, key, Instant.now());
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
