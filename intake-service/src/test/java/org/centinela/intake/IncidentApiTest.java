package org.centinela.intake;

import static org.awaitility.Awaitility.await;
import static org.centinela.testkit.Api.ADMIN;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IncidentApiTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-intake.");
    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    Database db;
    Api.Principal org;

    @BeforeEach
    void setUp() {
        db = new Database(dataSource);
        org = API.createOrganisation("Org " + marker());
    }

    static ExtractableResponse<Response> post(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body.toString()).post("/api/v1/incidents").then().extract();
    }

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

    static boolean fromOrganisation(ConsumerRecord<String, byte[]> record, UUID organisationId) {
        try {
            return organisationId.toString().equals(Json.MAPPER.readTree(record.value()).path("organisationId").asText());
        } catch (java.io.IOException e) {
            return false;
        }
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

    static ExtractableResponse<Response> postWithKey(String token, String key, String body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/incidents").then().extract();
    }

    @Test
    void sameIdempotencyKeyAndEqualBodyGivesTheFirstAnswerAgain() throws Exception {
        String key = "retry,1 " + marker();
        ObjectNode body = exampleJson(marker());
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            var first = postWithKey(org.token(), key, body.toString());
            assertEquals(201, first.statusCode());
            long incidents = db.count("incident");

            // Equal JSON with the keys in another order and other whitespace.
            var reordered = Json.MAPPER.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(name -> reordered.set(name, body.get(name)));
            var again = postWithKey(org.token(), key, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
            assertEquals(201, again.statusCode());
            assertEquals(first.asString(), again.asString());
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals(incidents, db.count("incident"));

            ObjectNode other = body.deepCopy();
            other.put("locality", "Bambamarca");
            var conflict = postWithKey(org.token(), key, other.toString());
            assertEquals(422, conflict.statusCode());
            assertEquals("application/problem+json", conflict.contentType());
            assertEquals(incidents, db.count("incident"));

            // Keys are per organisation: another organisation's same key is a new request.
            Api.Principal second = API.createOrganisation("Second " + marker());
            var elsewhere = postWithKey(second.token(), key, body.toString());
            assertEquals(201, elsewhere.statusCode());
            assertFalse(first.path("id").equals(elsewhere.path("id")));

            String id = first.path("id");
            var records = topic.until(r -> r.stream().anyMatch(rec -> elsewhere.path("id").equals(rec.key())), Duration.ofSeconds(10));
            records = topic.during(Duration.ofMillis(300));
            assertEquals(1, records.stream().filter(rec -> id.equals(rec.key())).count(), "one event for the repeated request");
        }
    }

    @Test
    void twentyConcurrentDuplicatesMakeOneIncidentOneEventAndTwentyEqualAnswers() throws Exception {
        String key = "burst-" + marker();
        String body = exampleJson(marker()).toString();
        long incidentsBefore = db.count("incident");
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ExtractableResponse<Response>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postWithKey(org.token(), key, body);
                }));
            }
            start.countDown();
            java.util.Set<String> bodies = new java.util.HashSet<>();
            java.util.Set<String> locations = new java.util.HashSet<>();
            for (var answer : answers) {
                var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                bodies.add(response.asString());
                locations.add(response.header("Location"));
            }
            pool.shutdown();
            assertEquals(1, bodies.size(), "twenty identical answers");
            assertEquals(1, locations.size());
            assertEquals(incidentsBefore + 1, db.count("incident"));

            String id = Json.MAPPER.readTree(bodies.iterator().next()).get("id").asText();
            topic.until(r -> r.stream().anyMatch(rec -> id.equals(rec.key())), Duration.ofSeconds(10));
            var records = topic.during(Duration.ofMillis(500));
            assertEquals(1, records.stream().filter(rec -> id.equals(rec.key())).count(), "one event");
        }
    }

    @Test
    void confidentialPartsAreEncryptedReadableOnlyByTheAllowedAndEveryReadIsAudited() throws Exception {
        String marker = marker();
        String id = post(org.token(), exampleJson(marker)).path("id");
        as(org.token()).contentType(ContentType.JSON).body("{\"note\":\"NOTE-" + marker + "\"}")
                .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200);
        postWithKey(org.token(), "confidential-" + marker(), exampleJson(marker).toString());

        for (String table : List.of("incident", "incident_history", "idempotency_key", "outbox")) {
            String rows = db.dump(table);
            assertFalse(rows.contains(marker), table + " holds plaintext");
        }

        // Owner and admin read it; another organisation, a viewer and an unalerted team do not learn it exists.
        as(org.token()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("description", containsString("DESC-" + marker))
                .body("confidential.victimNames", hasItem("VICTIM-" + marker))
                .body("history", hasSize(2))
                .body("history[1].note", equalTo("NOTE-" + marker));
        as(ADMIN).get("/api/v1/incidents/" + id).then().statusCode(200).body("description", notNullValue());
        Api.Principal stranger = API.createOrganisation("Stranger " + marker());
        as(stranger.token()).get("/api/v1/incidents/" + id).then().statusCode(404).contentType("application/problem+json");
        as(stranger.token()).contentType(ContentType.JSON).body("{\"verification\":\"REJECTED\"}")
                .post("/api/v1/incidents/" + id + "/updates").then().statusCode(404);
        as(stranger.token()).get("/api/v1/incidents/" + id + "/audit").then().statusCode(404);
        String viewer = tokens.issue(UUID.randomUUID(), Role.VIEWER);
        as(viewer).get("/api/v1/incidents/" + id).then().statusCode(403);
        UUID team = UUID.randomUUID();
        UUID escalationTeam = UUID.randomUUID();
        String responder = tokens.issue(team, Role.RESPONDER);
        String escalationResponder = tokens.issue(escalationTeam, Role.RESPONDER);
        as(responder).get("/api/v1/incidents/" + id).then().statusCode(404);
        as(responder).get("/api/v1/incidents/" + id + "/audit").then().statusCode(403);

        // alerts-service raises an alert for the team, then escalates it to another.
        EVENTS.alert("alert.raised", AlertData.any().incident(UUID.fromString(id)).team(team).escalatedTo(null).build());
        EVENTS.alert("alert.escalated", AlertData.any().incident(UUID.fromString(id)).team(team).escalatedTo(escalationTeam).build());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(responder).get("/api/v1/incidents/" + id).then().statusCode(200)
                        .body("confidential.contact", equalTo("+51 999 999 999")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(escalationResponder).get("/api/v1/incidents/" + id).then().statusCode(200));
        as(responder).get("/api/v1/incidents").then().statusCode(200).body("items.id", hasItem(id));
        as(responder).contentType(ContentType.JSON).body("{\"verification\":\"REJECTED\"}")
                .post("/api/v1/incidents/" + id + "/updates").then().statusCode(403);

        var reads = as(org.token()).get("/api/v1/incidents/" + id + "/audit").then().statusCode(200).extract();
        List<String> roles = reads.jsonPath().getList("reads.role");
        List<String> principals = reads.jsonPath().getList("reads.principalId");
        assertTrue(roles.containsAll(List.of("reporter", "admin", "responder")), roles.toString());
        assertTrue(principals.contains(team.toString()) && principals.contains(escalationTeam.toString())
                && principals.contains(org.id().toString()), principals.toString());
        as(ADMIN).get("/api/v1/incidents/" + id + "/audit").then().statusCode(200)
                .body("incidentId", equalTo(id)).body("reads[0].at", notNullValue());
    }

    @Inject
    TokenService tokens;

    @Test
    void deletingAnOrganisationRevokesItsTokenAndKeepsItsIncidents() {
        Api.Principal doomed = API.createOrganisation("Doomed " + marker());
        String id = post(doomed.token(), exampleJson(marker())).path("id");
        as(doomed.token()).delete("/api/v1/organisations/" + doomed.id()).then().statusCode(403);
        as(ADMIN).delete("/api/v1/organisations/" + doomed.id()).then().statusCode(204);

        as(doomed.token()).get("/api/v1/incidents").then().statusCode(401).contentType("application/problem+json");
        post(doomed.token(), exampleJson(marker())).statusCode();
        assertEquals(401, post(doomed.token(), exampleJson(marker())).statusCode());
        as(ADMIN).get("/api/v1/incidents/" + id).then().statusCode(200);
        List<String> active = as(ADMIN).get("/api/v1/organisations").then().statusCode(200).extract().jsonPath().getList("id");
        assertFalse(active.contains(doomed.id().toString()));
        assertTrue(active.contains(org.id().toString()));
        as(ADMIN).delete("/api/v1/organisations/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void organisationsAreForAdminsOnly() {
        as(org.token()).contentType(ContentType.JSON).body("{\"name\":\"X\",\"acronym\":\"X\"}")
                .post("/api/v1/organisations").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/organisations").then().statusCode(401);
        as(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"\",\"acronym\":\"X\"}")
                .post("/api/v1/organisations").then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(ADMIN).contentType(ContentType.JSON).body("{\"name\":\"X\",\"acronym\":\"X\",\"token\":\"t\"}")
                .post("/api/v1/organisations").then().statusCode(400).body("errors[0].field", equalTo("token"));
        assertEquals(201, post(org.token(), exampleJson(marker())).statusCode());
        assertEquals(403, post(ADMIN, exampleJson(marker())).statusCode());
    }

    @Test
    void vocabulariesForEveryRoleInTheDocumentedShape() {
        for (String token : List.of(ADMIN, org.token(),
                tokens.issue(UUID.randomUUID(), Role.RESPONDER),
                tokens.issue(UUID.randomUUID(), Role.VIEWER))) {
            as(token).get("/api/v1/vocabularies").then().statusCode(200)
                    .body("regions", hasSize(26))
                    .body("regions.find { it.code == 'PE-CAJ' }.name", equalTo("Cajamarca"))
                    .body("violations", hasSize(21))
                    .body("violations.find { it.code == 'PHYSICAL_ATTACK' }.es", equalTo("Agresión física"))
                    .body("violations.find { it.code == 'PHYSICAL_ATTACK' }.en", equalTo("Physical attack"))
                    .body("perpetrators", hasSize(14))
                    .body("perpetrators.find { it.code == 'POLICE' }.kind", equalTo("STATE"))
                    .body("sectors", hasSize(13))
                    .body("context", hasSize(8))
                    .body("verification.code", equalTo(List.of("UNVERIFIED", "CONFIRMED", "LIKELY", "POSSIBLE", "UNLIKELY", "REJECTED")))
                    .body("justiceStatus", hasSize(7));
        }
        io.restassured.RestAssured.given().get("/api/v1/vocabularies").then().statusCode(401);
    }

    @Test
    void updatesAppendHistoryAndPublishIncidentUpdated() throws Exception {
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            String id = post(org.token(), exampleJson(marker())).path("id");
            as(org.token()).contentType(ContentType.JSON).body("{\"verification\":\"CONFIRMED\",\"riskOngoing\":false}")
                    .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200)
                    .body("verification", equalTo("CONFIRMED"))
                    .body("riskOngoing", equalTo(false))
                    .body("justiceStatus", equalTo("NOT_REPORTED"))
                    .body("revision", equalTo(1))
                    .body("history.revision", equalTo(List.of(0, 1)));
            as(ADMIN).contentType(ContentType.JSON).body("{\"justiceStatus\":\"COMPLAINT_FILED\",\"note\":\"filed\"}")
                    .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200)
                    .body("verification", equalTo("CONFIRMED"))
                    .body("justiceStatus", equalTo("COMPLAINT_FILED"))
                    .body("history.revision", equalTo(List.of(0, 1, 2)))
                    .body("history[2].role", equalTo("admin"))
                    .body("history[2].note", equalTo("filed"));
            String before = db.writeCounts();
            for (String bad : List.of("{}", "{\"verification\":\"TRUE\"}", "{\"justiceStatus\":\"SOLVED\"}",
                    "{\"riskOngoing\":\"no\"}", "{\"note\":\"\"}", "{\"status\":\"CLOSED\"}")) {
                as(org.token()).contentType(ContentType.JSON).body(bad).post("/api/v1/incidents/" + id + "/updates")
                        .then().statusCode(400).contentType("application/problem+json");
            }
            assertEquals(before, db.writeCounts());
            as(org.token()).contentType(ContentType.JSON).body("{\"note\":\"x\"}")
                    .post("/api/v1/incidents/" + UUID.randomUUID() + "/updates").then().statusCode(404);

            var records = topic.until(r -> r.stream().filter(rec -> id.equals(rec.key())).count() >= 3, Duration.ofSeconds(10));
            var events = records.stream().filter(rec -> id.equals(rec.key())).toList();
            assertEquals(List.of("incident.reported", "incident.updated", "incident.updated"),
                    events.stream().map(rec -> TopicReader.header(rec, CloudEventHeaders.TYPE)).toList());
            assertEquals(1, Json.MAPPER.readTree(events.get(1).value()).get("revision").asInt());
            var last = Json.MAPPER.readTree(events.get(2).value());
            assertEquals(2, last.get("revision").asInt());
            assertEquals("COMPLAINT_FILED", last.get("justiceStatus").asText());
            assertEquals("CONFIRMED", last.get("verification").asText());
            assertFalse(new String(events.get(2).value(), StandardCharsets.UTF_8).contains("filed\""));
        }
    }

    @Test
    void listsOwnIncidentsNewestFirstWithFiltersAndPages() {
        Api.Principal lister = API.createOrganisation("Lister " + marker());
        List<String> ids = new java.util.ArrayList<>();
        for (String region : List.of("PE-CAJ", "PE-LOR", "PE-CAJ")) {
            ObjectNode body = exampleJson(marker());
            body.put("region", region);
            ids.add(post(lister.token(), body).path("id"));
        }
        post(org.token(), exampleJson(marker()));
        as(lister.token()).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items[0].description", nullValue())
                .body("items[0].confidential", nullValue());
        as(lister.token()).queryParam("region", "PE-CAJ").get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(2), ids.get(0))));
        as(lister.token()).queryParam("size", 2).queryParam("page", 1).get("/api/v1/incidents").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(0)))).body("total", equalTo(3));
        as(lister.token()).queryParam("from", "2017-08-22").get("/api/v1/incidents").then().statusCode(200)
                .body("total", equalTo(0));
        as(lister.token()).queryParam("to", "2017-08-21").get("/api/v1/incidents").then().statusCode(200)
                .body("total", equalTo(3));
        as(lister.token()).queryParam("size", 101).get("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        as(lister.token()).queryParam("region", "XX").queryParam("from", "yesterday").get("/api/v1/incidents").then()
                .statusCode(400).body("errors.field", equalTo(List.of("region", "from")));
        List<String> all = as(ADMIN).queryParam("size", 100).get("/api/v1/incidents").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertTrue(all.containsAll(ids));
    }

    @Test
    void anUnreadableAlertGoesToTheDeadLetterQueueAndConsumptionGoesOn() throws Exception {
        String id = post(org.token(), exampleJson(marker())).path("id");
        UUID team = UUID.randomUUID();
        String responder = tokens.issue(team, Role.RESPONDER);
        byte[] garbage = ("not json " + marker()).getBytes(StandardCharsets.UTF_8);
        try (TopicReader dlq = TopicReader.fromNow(Topics.deadLetter(EVENTS.topic(Topics.ALERTS)))) {
            EVENTS.send(Topics.ALERTS, UUID.randomUUID().toString(), "alert.raised", UUID.fromString(id).toString(), garbage);
            EVENTS.alert("alert.raised", AlertData.any().incident(UUID.fromString(id)).team(team).escalatedTo(null).build());
            dlq.until(r -> r.stream().anyMatch(rec -> java.util.Arrays.equals(garbage, rec.value())), Duration.ofSeconds(15));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                as(responder).get("/api/v1/incidents/" + id).then().statusCode(200));
    }

    @Test
    void openApiDocumentsEveryEndpointWithAnExample() throws Exception {
        var document = Json.MAPPER.readTree(io.restassured.RestAssured.given().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> missing = new java.util.ArrayList<>();
        for (String[] endpoint : List.of(new String[] {"/api/v1/organisations", "post"},
                new String[] {"/api/v1/organisations", "get"}, new String[] {"/api/v1/organisations/{id}", "delete"},
                new String[] {"/api/v1/incidents", "post"}, new String[] {"/api/v1/incidents", "get"},
                new String[] {"/api/v1/incidents/{id}", "get"}, new String[] {"/api/v1/incidents/{id}/updates", "post"},
                new String[] {"/api/v1/incidents/{id}/audit", "get"}, new String[] {"/api/v1/vocabularies", "get"})) {
            var operation = document.path("paths").path(endpoint[0]).path(endpoint[1]);
            boolean documented = !operation.isMissingNode() && operation.has("summary")
                    && (endpoint[1].equals("delete") || operation.toString().contains("\"examples\""));
            if (!documented) {
                missing.add(endpoint[1] + " " + endpoint[0]);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Inject
    org.centinela.intake.idempotency.IdempotencyKeyExpiry expiry;

    @Test
    void idempotencyKeysAreKeptForTheRetentionThenForgotten() throws Exception {
        String key = "expiring-" + marker();
        String body = exampleJson(marker()).toString();
        String first = postWithKey(org.token(), key, body).path("id");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            // 47 h old: still inside the 48 h retention.
            statement.executeUpdate("UPDATE idempotency_key SET created_at = now() - interval '47 hours' WHERE key = '" + key + "'");
            expiry.expire();
            assertEquals(first, postWithKey(org.token(), key, body).path("id"));
            statement.executeUpdate("UPDATE idempotency_key SET created_at = now() - interval '49 hours' WHERE key = '" + key + "'");
        }
        expiry.expire();
        var again = postWithKey(org.token(), key, body);
        assertEquals(201, again.statusCode());
        assertFalse(first.equals(again.path("id")), "an expired key is a new request");
    }
}
