package org.centinela.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;

/** The rebuild replays these as if intake had published them: the contract's IncidentEventData, field by field. */
class SyntheticEventsTest {

    private static final List<String> INCIDENT_EVENT_DATA = List.of("incidentId", "reference", "organisationId",
            "organisationName", "occurredOn", "receivedAt", "region", "latitude", "longitude", "violations",
            "perpetrators", "defenders", "context", "riskOngoing", "language", "verification", "justiceStatus",
            "revision", "updatedAt");

    @RepeatedTest(50)
    void incidentReportedCarriesExactlyTheContractFields() {
        UUID id = UUID.randomUUID();
        ObjectNode data = SyntheticEvents.incident(id, UUID.randomUUID(), 1234);
        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);

        assertEquals(INCIDENT_EVENT_DATA, fields);
        assertEquals(id.toString(), data.path("incidentId").asText());
        assertTrue(data.path("reference").asText().matches("PE-\\d{4}-001234"));
        assertEquals(List.of("count", "sectors", "women").stream().sorted().toList(),
                iterate(data.path("defenders").fieldNames()).stream().sorted().toList());
        Instant receivedAt = Instant.parse(data.path("receivedAt").asText());
        LocalDate occurredOn = LocalDate.parse(data.path("occurredOn").asText());
        assertFalse(receivedAt.isAfter(Instant.now()));
        assertFalse(occurredOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).isAfter(receivedAt));
        // Events carry coordinates rounded to 0.1° (SPEC §2).
        double latitude = data.path("latitude").asDouble();
        assertEquals(Math.round(latitude * 10) / 10.0, latitude);
        assertEquals(0, data.path("revision").asInt());
        assertEquals("UNVERIFIED", data.path("verification").asText());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
