package org.centinela.intake;

import static org.awaitility.Awaitility.await;
import static org.centinela.intake.IncidentRequests.post;
import static org.centinela.testkit.Api.ADMIN;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
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
import java.util.UUID;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Organisations, vocabularies, updates, lists, the alert-access consumer's dead letters, and the OpenAPI document. */
@QuarkusTest
class IncidentApiTest extends WithOrganisation {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-intake.");

    @Inject
    OutboxRelay relay;
    @Inject
    TokenService tokens;

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
}
