package org.centinela.intake;

import static org.awaitility.Awaitility.await;
import static org.centinela.intake.IncidentRequests.post;
import static org.centinela.intake.IncidentRequests.postWithKey;
import static org.centinela.testkit.Api.ADMIN;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.junit.jupiter.api.Test;

/** Who reads an incident's confidential part, that each read is audited, and what deleting an organisation revokes. */
@QuarkusTest
class ConfidentialityTest extends WithOrganisation {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-intake.");

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
}
