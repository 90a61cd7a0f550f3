package org.centinela.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Bodies of {@code POST /api/v1/incidents} as a member organisation sends them (SPEC §4). */
public final class IncidentBody {

    private IncidentBody() {
    }

    /**
     * The SPEC's example incident, with {@code marker} in the description, the victim's name and the notes, so a
     * test can look for those texts where they must not be (tables in the clear, topics, webhooks).
     */
    public static Map<String, Object> example(String marker) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredOn", "2017-08-21");
        body.put("region", "PE-CAJ");
        body.put("locality", "Celendín");
        body.put("latitude", -6.87);
        body.put("longitude", -78.15);
        body.put("violations", List.of("PHYSICAL_ATTACK", "DEATH_THREAT"));
        body.put("perpetrators", List.of("POLICE", "PRIVATE_SECURITY"));
        body.put("defenders", Map.of("count", 3, "women", 1, "sectors", List.of("ENVIRONMENTAL", "INDIGENOUS_PEOPLES")));
        body.put("context", List.of("PROTEST", "EXTRACTIVE_PROJECT"));
        body.put("riskOngoing", true);
        body.put("language", "es");
        body.put("description", "Golpeados durante la protesta DESC-" + marker);
        body.put("confidential", Map.of("victimNames", List.of("VICTIM-" + marker), "contact", "+51 999 999 999",
                "notes", "NOTES-" + marker));
        return body;
    }

    /** {@link #example} as a JSON tree, to take apart in tests of bad input. */
    public static ObjectNode exampleJson(String marker) {
        return Json.MAPPER.valueToTree(example(marker));
    }

    /** A minimal valid incident of {@code occurredOn} in {@code region} with these violations. */
    public static Map<String, Object> of(LocalDate occurredOn, String region, List<String> violations) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredOn", occurredOn.toString());
        body.put("region", region);
        body.put("violations", violations);
        body.put("perpetrators", List.of("POLICE"));
        body.put("defenders", Map.of("count", 2, "women", 1, "sectors", List.of("ENVIRONMENTAL")));
        body.put("riskOngoing", true);
        body.put("description", "Agresión durante una protesta contra un proyecto minero.");
        body.put("confidential", Map.of("victimNames", List.of("Nombre Reservado"), "contact", "+51 999 999 999"));
        return body;
    }

    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A date of occurrence no other test run is likely to use, so statistics filtered to it count only this test. */
    public static LocalDate uniqueOccurredOn() {
        return LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 9000));
    }
}
