package org.centinela.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The load is only meaningful if intake accepts it: every body must pass SPEC §4's rules. */
class IncidentsTest {

    @RepeatedTest(200)
    void randomIncidentIsValidAndAboutOneKilobyte() {
        String text = Incidents.random();
        JsonNode body = Json.read(text);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes >= 900 && bytes <= 1500, "size " + bytes);

        LocalDate occurredOn = LocalDate.parse(body.path("occurredOn").asText());
        assertTrue(!occurredOn.isBefore(Incidents.FIRST_BACKGROUND_DAY), occurredOn + " collides with stats-freshness days");
        assertTrue(occurredOn.isBefore(LocalDate.now().minusDays(1)), occurredOn + " may be in the future in Lima");
        assertTrue(Incidents.REGIONS.contains(body.path("region").asText()));
        assertCodes(body.path("violations"), Incidents.VIOLATIONS, 1, 10);
        assertCodes(body.path("perpetrators"), Incidents.PERPETRATORS, 1, 10);
        assertCodes(body.path("context"), Incidents.CONTEXT, 0, 10);
        JsonNode defenders = body.path("defenders");
        int count = defenders.path("count").asInt();
        assertTrue(count >= 1 && count <= 10_000);
        assertTrue(defenders.path("women").asInt() <= count);
        assertCodes(defenders.path("sectors"), Incidents.SECTORS, 1, 13);
        double latitude = body.path("latitude").asDouble();
        double longitude = body.path("longitude").asDouble();
        assertTrue(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180);
        int description = body.path("description").asText().length();
        assertTrue(description >= 650 && description <= 750, "description " + description);
        assertEquals("es", body.path("language").asText());
    }

    @Test
    void urgentIncidentIsCritical() {
        JsonNode violations = Json.read(Incidents.urgent()).path("violations");
        boolean critical = false;
        for (JsonNode violation : violations) {
            critical |= Incidents.CRITICAL.contains(violation.asText());
        }
        assertTrue(critical);
    }

    @Test
    void incidentOnAGivenDayKeepsIt() {
        LocalDate day = LocalDate.of(1994, 3, 7);
        assertEquals("1994-03-07", Json.read(Incidents.onDay(day)).path("occurredOn").asText());
    }

    @Test
    void vocabulariesHaveSpecSizes() {
        assertEquals(List.of(26, 21, 14, 13, 8), List.of(Incidents.REGIONS.size(), Incidents.VIOLATIONS.size(),
                Incidents.PERPETRATORS.size(), Incidents.SECTORS.size(), Incidents.CONTEXT.size()));
    }

    private static void assertCodes(JsonNode array, List<String> vocabulary, int min, int max) {
        Set<String> seen = new HashSet<>();
        array.forEach(code -> {
            assertTrue(vocabulary.contains(code.asText()), code.asText());
            assertTrue(seen.add(code.asText()), "duplicate " + code.asText());
        });
        assertTrue(seen.size() >= min && seen.size() <= max, "count " + seen.size());
    }
}
