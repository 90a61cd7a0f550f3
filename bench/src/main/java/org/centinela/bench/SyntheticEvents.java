package org.centinela.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Valid incident events for the rebuild benchmark, as intake-service would publish them: CloudEvents binary mode
 * (ce_* headers, JSON data of the contract's IncidentEventData), key = subject = incident id. About one in ten
 * incidents also gets an incident.updated (revision 1, a new verification and justice status) right after its
 * incident.reported, on the same key so the pair stays in order.
 */
final class SyntheticEvents {

    private static final String SOURCE = "/centinela/intake-service";
    private static final String REPORTED = "incident.reported";
    private static final String UPDATED = "incident.updated";

    private SyntheticEvents() {
    }

    /**
     * Produces {@code count} records to {@code topic}, references numbered from {@code firstSequence}; returns how
     * many were sent (a failed send fails the whole call).
     */
    static long produce(String bootstrap, String topic, long count, long firstSequence) throws Exception {
        List<UUID> organisations = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID());
        AtomicReference<Exception> failure = new AtomicReference<>();
        long produced = 0;
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (KafkaProducer<String, byte[]> producer = Kafka.bulkProducer(bootstrap)) {
            long sequence = firstSequence - 1;
            while (produced < count && failure.get() == null) {
                sequence++;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                UUID incidentId = UUID.randomUUID();
                ObjectNode data = incident(incidentId, organisations.get(random.nextInt(organisations.size())),
                        sequence);
                send(producer, topic, run, REPORTED, data, failure);
                produced++;
                if (produced < count && random.nextInt(10) == 0) {
                    data.put("verification", Incidents.VERIFICATION.get(1 + random.nextInt(5)));
                    data.put("justiceStatus", Incidents.JUSTICE_STATUS.get(1 + random.nextInt(6)));
                    data.put("revision", 1);
                    data.put("updatedAt", Instant.now().toString());
                    send(producer, topic, run, UPDATED, data, failure);
                    produced++;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return produced;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String run, String type,
            ObjectNode data, AtomicReference<Exception> failure) {
        String incidentId = data.path("incidentId").asText();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, incidentId,
                Json.write(data).getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", "bench-" + run + "-" + UUID.randomUUID());
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_type", type);
        header(headers, "ce_subject", incidentId);
        header(headers, "ce_time", Instant.now().toString());
        header(headers, "ce_dataschema", "urn:centinela:" + type + ":v1");
        header(headers, "content-type", "application/json");
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectNode incident(UUID incidentId, UUID organisationId, long sequence) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate occurredOn = Incidents.backgroundDay();
        Instant reportedAfter = occurredOn.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextLong(TimeUnit.DAYS.toSeconds(30)));
        Instant receivedAt = reportedAfter.isAfter(Instant.now()) ? Instant.now() : reportedAfter;
        ObjectNode data = Json.object();
        data.put("incidentId", incidentId.toString());
        data.put("reference", String.format("PE-%d-%06d", receivedAt.atZone(ZoneOffset.UTC).getYear(), sequence));
        data.put("organisationId", organisationId.toString());
        data.put("organisationName", "Bench organisation " + organisationId.toString().substring(0, 8));
        data.put("occurredOn", occurredOn.toString());
        data.put("receivedAt", receivedAt.toString());
        data.put("region", Incidents.REGIONS.get((int) (sequence % Incidents.REGIONS.size())));
        data.put("latitude", Math.round((-18 + random.nextDouble() * 18) * 10) / 10.0);
        data.put("longitude", Math.round((-81 + random.nextDouble() * 12) * 10) / 10.0);
        array(data, "violations", Incidents.pick(Incidents.VIOLATIONS, 1 + random.nextInt(3)));
        array(data, "perpetrators", Incidents.pick(Incidents.PERPETRATORS, 1 + random.nextInt(2)));
        int count = 1 + random.nextInt(20);
        ObjectNode defenders = data.putObject("defenders");
        defenders.put("count", count);
        defenders.put("women", random.nextInt(count + 1));
        array(defenders, "sectors", Incidents.pick(Incidents.SECTORS, 1 + random.nextInt(2)));
        array(data, "context", Incidents.pick(Incidents.CONTEXT, 1 + random.nextInt(2)));
        data.put("riskOngoing", random.nextBoolean());
        data.put("language", "es");
        data.put("verification", "UNVERIFIED");
        data.put("justiceStatus", "NOT_REPORTED");
        data.put("revision", 0);
        data.put("updatedAt", receivedAt.toString());
        return data;
    }

    private static void array(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
