package org.centinela.demo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every body of the demo dataset keeps intake's rules (SPEC §4, §9), so that no demo incident is refused. */
class DemoBodiesTest {

    private static final LocalDate UNTIL = LocalDate.of(2026, 11, 30);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42})
    void everyBodyIsAValidIncidentForIntake(long seed) {
        IncidentGenerator generator = new IncidentGenerator(seed, UNTIL);
        for (int index = 0; index < 2000; index++) {
            JsonNode body = generator.incident(index).body();
            String at = "seed " + seed + " incident " + index + ": ";

            LocalDate occurredOn = LocalDate.parse(body.get("occurredOn").asText());
            assertTrue(!occurredOn.isAfter(UNTIL) && occurredOn.getYear() >= 1990, at + occurredOn);
            codes(body.get("violations"), Violation::valueOf, 1, 10, at + "violations");
            codes(body.get("perpetrators"), Perpetrator::valueOf, 1, 10, at + "perpetrators");
            codes(body.at("/defenders/sectors"), Sector::valueOf, 1, Sector.values().length, at + "sectors");
            if (body.has("context")) {
                codes(body.get("context"), Context::valueOf, 1, Context.values().length, at + "context");
            }
            int count = body.at("/defenders/count").asInt();
            int women = body.at("/defenders/women").asInt();
            assertTrue(count >= 1 && count <= 10_000 && women >= 0 && women <= count, at + count + "/" + women);
            assertEquals(body.has("latitude"), body.has("longitude"), at + "both coordinates or neither");
            if (body.has("latitude")) {
                assertTrue(Math.abs(body.get("latitude").asDouble()) <= 90 && Math.abs(body.get("longitude").asDouble()) <= 180, at);
            }
            String description = body.get("description").asText();
            assertTrue(!description.isBlank() && description.length() <= 20_000, at + "description");
            assertTrue(Set.of("es", "en").contains(body.get("language").asText()), at + "language");
            assertTrue(generator.incident(index).idempotencyKey().matches("[\\x21-\\x7e]{1,200}"), at + "Idempotency-Key");
        }
    }

    private static void codes(JsonNode array, Function<String, ?> vocabulary, int min, int max, String what) {
        assertTrue(array.isArray() && array.size() >= min && array.size() <= max, what + ": " + array);
        Set<String> seen = new HashSet<>();
        array.forEach(code -> {
            vocabulary.apply(code.asText());
            assertTrue(seen.add(code.asText()), what + " repeats " + code);
        });
    }
}
