package org.centinela.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.AlertResolvedData;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/** Writes records onto the test topics the way intake's outbox relay and alerts-service do (binary CloudEvents). */
final class TestEvents implements AutoCloseable {

    static final String PREFIX = "test-reporting.";
    static final String INCIDENTS = PREFIX + "centinela.incidents.v1";
    static final String ALERTS = PREFIX + "centinela.alerts.v1";

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final ObjectMapper json;
    /** Every record sent, to replay them. */
    final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    TestEvents(ObjectMapper json) {
        this.json = json;
    }

    static IncidentEventData incident(LocalDate occurredOn, String region, List<Violation> violations,
                                      List<Perpetrator> perpetrators, int defenders, int women, List<Sector> sectors) {
        UUID id = UUID.randomUUID();
        return new IncidentEventData(id, "PE-2026-" + id.toString().substring(0, 6), UUID.randomUUID(), "Org",
                occurredOn, Instant.now(), region, null, null, violations, perpetrators,
                new Defenders(defenders, women, sectors), List.of(), false, "es", Verification.UNVERIFIED,
                JusticeStatus.NOT_REPORTED, 0, Instant.now());
    }

    static IncidentEventData updated(IncidentEventData incident, int revision, JusticeStatus justice,
                                     Verification verification) {
        return new IncidentEventData(incident.incidentId(), incident.reference(), incident.organisationId(),
                incident.organisationName(), incident.occurredOn(), incident.receivedAt(), incident.region(), null,
                null, incident.violations(), incident.perpetrators(), incident.defenders(), incident.context(),
                incident.riskOngoing(), incident.language(), verification, justice, revision, Instant.now());
    }

    static AlertEventData alert(UUID alertId, Priority priority, String region, Instant raisedAt, Instant at) {
        return new AlertEventData(alertId, UUID.randomUUID(), "PE-2026-000001", UUID.randomUUID(), priority, region,
                raisedAt, at, null, null, null);
    }

    void reported(IncidentEventData data) {
        send(INCIDENTS, data.incidentId().toString(), EventTypes.INCIDENT_REPORTED, data, data.incidentId());
    }

    void updatedEvent(IncidentEventData data) {
        send(INCIDENTS, data.incidentId().toString(), EventTypes.INCIDENT_UPDATED, data, data.incidentId());
    }

    void alertEvent(String type, AlertEventData data) {
        send(ALERTS, data.incidentId().toString(), type, data, data.incidentId());
    }

    void alertResolved(AlertResolvedData data) {
        send(ALERTS, data.incidentId().toString(), EventTypes.ALERT_RESOLVED, data, data.incidentId());
    }

    /** A record whose value is not JSON, with proper CloudEvents headers. */
    void poison(String key) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(INCIDENTS, key,
                "{not json".getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), EventTypes.SOURCE_INTAKE,
                EventTypes.INCIDENT_REPORTED, key, Instant.now());
        sendRecord(record);
    }

    /** Sends every record sent so far again, with the same CloudEvent ids. */
    void replayAll() {
        for (ProducerRecord<String, byte[]> record : List.copyOf(sent)) {
            sendRecord(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
        }
    }

    private void send(String topic, String key, String type, Object data, UUID subject) {
        try {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, json.writeValueAsBytes(data));
            CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(),
                    topic.equals(INCIDENTS) ? EventTypes.SOURCE_INTAKE : EventTypes.SOURCE_ALERTS, type,
                    subject.toString(), Instant.now());
            sent.add(record);
            sendRecord(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void sendRecord(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
