package org.centinela.intake;

import static org.centinela.intake.IncidentRequests.fromOrganisation;
import static org.centinela.intake.IncidentRequests.post;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Reporting an incident: the 201 with its reference, location and event; every rule of bad input; the body's size. */
@QuarkusTest
class IncidentReportTest extends WithOrganisation {

    @Inject
    OutboxRelay relay;

    @Test
    void reportsAnIncidentWithReferenceLocationAndEvent() throws Exception {
        String marker = marker();
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            var created = post(org.token(), exampleJson(marker));
            assertEquals(201, created.statusCode(), created.asString());
            String id = created.path("id");
            assertTrue(created.header("Location").endsWith("/api/v1/incidents/" + id));
            String reference = created.path("reference");
            assertTrue(reference.matches("PE-\\d{4}-\\d{6}"), reference);
            assertEquals("REPORTED", created.path("status"));
            assertEquals("UNVERIFIED", created.path("verification"));
            assertEquals("NOT_REPORTED", created.path("justiceStatus"));
            assertEquals(org.id().toString(), created.path("organisationId"));
            assertEquals("Golpeados durante la protesta DESC-" + marker, created.path("description"));

            var records = topic.until(r -> r.stream().anyMatch(rec -> id.equals(rec.key())), Duration.ofSeconds(10));
            ConsumerRecord<String, byte[]> event = records.stream().filter(rec -> id.equals(rec.key())).findFirst().orElseThrow();
            assertEquals("incident.reported", TopicReader.header(event, CloudEventHeaders.TYPE));
            assertEquals(id, TopicReader.header(event, CloudEventHeaders.SUBJECT));
            assertEquals("1.0", TopicReader.header(event, CloudEventHeaders.SPECVERSION));
            assertEquals("/centinela/intake-service", TopicReader.header(event, CloudEventHeaders.SOURCE));
            var data = Json.MAPPER.readTree(event.value());
            assertEquals(IncidentEventData.roundCoordinate(-6.87), data.get("latitude").asDouble());
            assertEquals(IncidentEventData.roundCoordinate(-78.15), data.get("longitude").asDouble());
            assertEquals(reference, data.get("reference").asText());
            assertTrue(data.get("organisationName").asText().startsWith("Org "));
            String value = new String(event.value(), StandardCharsets.UTF_8);
            assertFalse(value.contains(marker), "no description or confidential part on the topic: " + value);
        }
    }

    @Test
    void bodyOver64KiBIs413Problem() throws Exception {
        ObjectNode body = exampleJson(marker());
        body.put("description", "€".repeat(20_000));
        ((ObjectNode) body.get("confidential")).put("notes", "€".repeat(5_000));
        String before = db.writeCounts();
        as(org.token()).contentType(ContentType.JSON).body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/incidents")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        assertEquals(before, db.writeCounts());

        // The same body streamed without a Content-Length (chunked) is cut at the same limit.
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "api/v1/incidents"))
                .header("Authorization", "Bearer " + org.token())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build();
        var answer = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().map().toString());
        assertEquals(before, db.writeCounts());

        // A chunked body under the limit goes through as usual.
        byte[] small = exampleJson(marker()).toString().getBytes(StandardCharsets.UTF_8);
        var accepted = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url + "api/v1/incidents"))
                .header("Authorization", "Bearer " + org.token())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(small)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, accepted.statusCode(), accepted.body());
    }

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL url;

    /** One bad input: how to spoil a valid body, and the fields the 400 problem must name. */
    record BadInput(String name, java.util.function.Consumer<ObjectNode> spoil, String... fields) {
    }

    static List<BadInput> badInputs() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("America/Lima")).plusDays(1).toString();
        return List.of(
                new BadInput("occurredOn missing", b -> b.remove("occurredOn"), "occurredOn"),
                new BadInput("occurredOn null", b -> b.putNull("occurredOn"), "occurredOn"),
                new BadInput("occurredOn tomorrow in Lima", b -> b.put("occurredOn", tomorrow), "occurredOn"),
                new BadInput("occurredOn before 1990", b -> b.put("occurredOn", "1989-12-31"), "occurredOn"),
                new BadInput("occurredOn not a date", b -> b.put("occurredOn", "2017-13-01"), "occurredOn"),
                new BadInput("region missing", b -> b.remove("region"), "region"),
                new BadInput("region unknown", b -> b.put("region", "PE-XXX"), "region"),
                new BadInput("region lower case", b -> b.put("region", "pe-caj"), "region"),
                new BadInput("latitude without longitude", b -> b.remove("longitude"), "longitude"),
                new BadInput("longitude without latitude", b -> b.remove("latitude"), "latitude"),
                new BadInput("latitude out of range", b -> b.put("latitude", 90.5), "latitude"),
                new BadInput("longitude out of range", b -> b.put("longitude", -180.5), "longitude"),
                new BadInput("latitude as string", b -> b.put("latitude", "-6.87"), "latitude"),
                new BadInput("violations missing", b -> b.remove("violations"), "violations"),
                new BadInput("violations empty", b -> b.putArray("violations"), "violations"),
                new BadInput("violations over 10", b -> {
                    var list = b.putArray("violations");
                    for (String code : List.of("KILLING", "ATTEMPTED_KILLING", "ENFORCED_DISAPPEARANCE", "ABDUCTION",
                            "PHYSICAL_ATTACK", "SEXUAL_VIOLENCE", "TORTURE_OR_ILL_TREATMENT", "DEATH_THREAT",
                            "THREAT_OR_INTIMIDATION", "HARASSMENT", "SURVEILLANCE")) {
                        list.add(code);
                    }
                }, "violations"),
                new BadInput("violations repeated", b -> b.putArray("violations").add("KILLING").add("KILLING"), "violations"),
                new BadInput("violation code lower case", b -> b.putArray("violations").add("KILLING").add("death_threat"), "violations[1]"),
                new BadInput("violation code unknown", b -> b.putArray("violations").add("PUNCH"), "violations[0]"),
                new BadInput("perpetrators missing", b -> b.remove("perpetrators"), "perpetrators"),
                new BadInput("perpetrators empty", b -> b.putArray("perpetrators"), "perpetrators"),
                new BadInput("perpetrator unknown", b -> b.putArray("perpetrators").add("POLICE").add("ALIENS"), "perpetrators[1]"),
                new BadInput("perpetrators repeated", b -> b.putArray("perpetrators").add("POLICE").add("POLICE"), "perpetrators"),
                new BadInput("defenders missing", b -> b.remove("defenders"), "defenders"),
                new BadInput("defenders.count missing", b -> defenders(b).remove("count"), "defenders.count"),
                new BadInput("defenders.count zero", b -> defenders(b).put("count", 0), "defenders.count"),
                new BadInput("defenders.count over 10000", b -> defenders(b).put("count", 10_001), "defenders.count"),
                new BadInput("defenders.count fraction", b -> defenders(b).put("count", 1.5), "defenders.count"),
                new BadInput("defenders.count string", b -> defenders(b).put("count", "3"), "defenders.count"),
                new BadInput("defenders.women over count", b -> defenders(b).put("women", 4), "defenders.women"),
                new BadInput("defenders.women negative", b -> defenders(b).put("women", -1), "defenders.women"),
                new BadInput("defenders.sectors missing", b -> defenders(b).remove("sectors"), "defenders.sectors"),
                new BadInput("defenders.sectors empty", b -> defenders(b).putArray("sectors"), "defenders.sectors"),
                new BadInput("defenders.sectors unknown", b -> defenders(b).putArray("sectors").add("ASTRONAUT"), "defenders.sectors[0]"),
                new BadInput("defenders.sectors repeated", b -> defenders(b).putArray("sectors").add("LAWYER").add("LAWYER"), "defenders.sectors"),
                new BadInput("context unknown", b -> b.putArray("context").add("PROTEST").add("PARTY"), "context[1]"),
                new BadInput("context repeated", b -> b.putArray("context").add("PROTEST").add("PROTEST"), "context"),
                new BadInput("riskOngoing string", b -> b.put("riskOngoing", "yes"), "riskOngoing"),
                new BadInput("language unknown", b -> b.put("language", "fr"), "language"),
                new BadInput("description missing", b -> b.remove("description"), "description"),
                new BadInput("description empty", b -> b.put("description", ""), "description"),
                new BadInput("description over 20000 characters", b -> b.put("description", "x".repeat(20_001)), "description"),
                new BadInput("unknown property", b -> b.put("severity", "HIGH"), "severity"),
                new BadInput("unknown confidential property", b -> ((ObjectNode) b.get("confidential")).put("address", "x"),
                        "confidential.address"),
                new BadInput("victim names repeated", b -> ((ObjectNode) b.get("confidential")).putArray("victimNames").add("A").add("A"),
                        "confidential.victimNames"),
                new BadInput("several fields at once", b -> {
                    b.put("region", "PE-XXX");
                    defenders(b).put("women", 9);
                    b.remove("latitude");
                }, "region", "defenders.women", "latitude"));
    }

    static ObjectNode defenders(ObjectNode body) {
        return (ObjectNode) body.get("defenders");
    }

    @Test
    void everyValidationRuleAnswers400NamingTheFieldAndWritesNothing() throws Exception {
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            String before = db.writeCounts();
            List<String> failures = new java.util.ArrayList<>();
            for (BadInput bad : badInputs()) {
                ObjectNode body = exampleJson(marker());
                bad.spoil().accept(body);
                var answer = post(org.token(), body);
                List<String> fields = answer.statusCode() == 400 ? answer.jsonPath().getList("errors.field") : List.of();
                boolean ok = answer.statusCode() == 400
                        && answer.contentType().startsWith("application/problem+json")
                        && fields.containsAll(List.of(bad.fields()));
                if (!ok) {
                    failures.add(bad.name() + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
            for (String raw : List.of("{", "[]", "\"text\"", "{\"occurredOn\":\"2017-08-21\",\"occurredOn\":\"2017-08-22\"}",
                    "{\"region\":\"PE-CAJ\"} {}")) {
                var answer = as(org.token()).contentType(ContentType.JSON).body(raw).post("/api/v1/incidents").then().extract();
                if (answer.statusCode() != 400 || !answer.contentType().startsWith("application/problem+json")) {
                    failures.add("malformed " + raw + ": " + answer.statusCode() + " " + answer.asString());
                }
            }
            for (String key : List.of("", "k".repeat(201), "clé", "tab\tkey")) {
                var answer = as(org.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                        .body(exampleJson(marker()).toString()).post("/api/v1/incidents").then().extract();
                List<String> fields = answer.statusCode() == 400 ? answer.jsonPath().getList("errors.field") : List.of();
                if (!fields.contains("Idempotency-Key")) {
                    failures.add("Idempotency-Key '" + key + "': " + answer.statusCode() + " " + answer.asString());
                }
            }
            assertEquals(List.of(), failures);
            assertEquals(before, db.writeCounts(), "nothing written");

            String barrier = post(org.token(), exampleJson(marker())).path("id");
            var records = topic.until(r -> r.stream().anyMatch(rec -> barrier.equals(rec.key())), Duration.ofSeconds(10));
            records = topic.during(Duration.ofMillis(300));
            // Other tests' events may still be arriving; this test's organisation is new, so its events are ours.
            List<String> ours = records.stream().filter(rec -> fromOrganisation(rec, org.id())).map(ConsumerRecord::key).toList();
            assertEquals(List.of(barrier), ours, "nothing published but the barrier");
        }
    }

    @Test
    void descriptionLimitCountsCharactersNotBytes() {
        ObjectNode body = exampleJson(marker());
        body.put("description", "€".repeat(20_000));
        var created = post(org.token(), body);
        assertEquals(201, created.statusCode());
        assertEquals(20_000, ((String) created.path("description")).length());
    }
}
