package org.centinela.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.centinela.testkit.Api;
import org.centinela.testkit.ConsumerGroupProgress;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Teams as coordinators manage them, and who may see which alert (SPEC §9 access table). */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AccessAndTeamsTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    @Inject
    TokenService tokens;

    @Inject
    AgroalDataSource db;

    @Test
    void creatingATeamAnswersItsTokenOnceAndNeverTheWebhookSecret() throws Exception {
        var body = Api.teamBody("Brigada Piura", "en", List.of("PE-PIU", "PE-TUM"), "CRITICAL", "piura@brigada.test",
                "https://piura.example/hook", "very-secret-piura");
        body.put("digest", false);

        var response = Api.as(Api.ADMIN).body(body).post("/api/v1/teams").then().statusCode(201).extract();
        JsonPath created = response.jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        assertThat(response.header("Location")).endsWith("/api/v1/teams/" + id);
        assertThat(created.getString("token")).isNotBlank();
        assertThat(created.getString("name")).isEqualTo("Brigada Piura");
        assertThat(created.getList("regions")).containsExactly("PE-PIU", "PE-TUM");
        assertThat(created.getString("minPriority")).isEqualTo("CRITICAL");
        assertThat(created.getBoolean("digest")).isFalse();
        assertThat(created.getInt("escalateAfterMinutes")).isEqualTo(30);
        assertThat(created.getList("channels")).containsExactly(
                Map.of("type", "EMAIL", "address", "piura@brigada.test"),
                Map.of("type", "WEBHOOK", "url", "https://piura.example/hook"));
        assertThat(created.prettify()).doesNotContain("very-secret-piura");

        String stored = new Sql(db).text("SELECT channels FROM team WHERE id = ?", id);
        assertThat(stored).contains("https://piura.example/hook").doesNotContain("very-secret-piura");

        Api.as(Api.ADMIN).get("/api/v1/teams/" + id).then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("$", not(hasKey("token")))
                .body("channels[1]", not(hasKey("secret")));
        Api.as(Api.ADMIN).get("/api/v1/teams").then().statusCode(200).body("items.id", hasItem(id.toString()));
        // the responder token works here at once
        Api.as(created.getString("token")).get("/api/v1/alerts").then().statusCode(200);
    }

    @Test
    void anInvalidTeamIs400NamingEachFieldAndCreatesNothing() {
        long before = Api.as(Api.ADMIN).get("/api/v1/teams").then().extract().jsonPath().getList("items").size();
        Map<String, Object> body = Map.of(
                "name", " ",
                "language", "fr",
                "regions", List.of("PE-CAJ", "XX-ZZZ", "PE-CAJ"),
                "minPriority", "HIGH",
                "channels", List.of(Map.of("type", "EMAIL", "address", "not-an-address"),
                        Map.of("type", "WEBHOOK", "url", "ftp://example.org/hook")),
                "escalateAfterMinutes", 0,
                "escalationTeamId", UUID.randomUUID().toString());

        Api.as(Api.ADMIN).body(body).post("/api/v1/teams").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "language", "regions[1]", "regions[2]",
                        "channels[0].address", "channels[1].url", "channels[1].secret", "escalateAfterMinutes",
                        "escalationTeamId"));
        Api.as(Api.ADMIN).body(Map.of("name", "Sin canales", "channels", List.of())).post("/api/v1/teams").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("channels"));
        Api.as(Api.ADMIN).body(Map.of("name", "x", "minPriority", "URGENT", "channels", List.of())).post("/api/v1/teams")
                .then().statusCode(400).body("errors[0].field", equalTo("minPriority"));
        Api.as(Api.ADMIN).body(Map.of("name", "x", "colour", "red", "channels", List.of())).post("/api/v1/teams")
                .then().statusCode(400).body("errors[0].field", equalTo("colour"));
        assertThat(Api.as(Api.ADMIN).get("/api/v1/teams").then().extract().jsonPath().getList("items")).hasSize((int) before);
    }

    @Test
    void replacingATeamKeepsTheWebhookSecretWhenItIsLeftOut() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam("PE-MOQ", "es", "HIGH", null, hook);
            Map<String, Object> replacement = Map.of("name", "Brigada Moquegua y Tacna", "language", "en",
                    "regions", List.of("PE-MOQ"), "minPriority", "HIGH",
                    "channels", List.of(Map.of("type", "WEBHOOK", "url", hook.url())), "escalateAfterMinutes", 45);

            Api.as(Api.ADMIN).body(replacement).put("/api/v1/teams/" + team.id()).then().statusCode(200)
                    .body("name", equalTo("Brigada Moquegua y Tacna"))
                    .body("language", equalTo("en"))
                    .body("escalateAfterMinutes", equalTo(45));

            IncidentEventData incident = IncidentData.reported().region("PE-MOQ").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
            WebhookReceiver.Call call = hook.calls().get(0);
            assertThat(call.signedWith(team.secret())).isTrue();
            assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains("\"violationLabels\":[\"Killing\"]");
        }
    }

    @Test
    void deletingATeamRevokesItsTokenAndStopsNewAlertsButKeepsItsAlerts() throws Exception {
        try (WebhookReceiver deletedHook = WebhookReceiver.start(); WebhookReceiver otherHook = WebhookReceiver.start()) {
            Api.CreatedTeam deleted = API.createTeam("PE-PAS", "es", "HIGH", null, deletedHook);
            API.createTeam("PE-PAS", "es", "HIGH", null, otherHook);
            IncidentEventData before = IncidentData.reported().region("PE-PAS").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(before);
            await().atMost(Duration.ofSeconds(20)).until(() -> deletedHook.calls().size() == 1 && otherHook.calls().size() == 1);

            Api.as(Api.ADMIN).delete("/api/v1/teams/" + deleted.id()).then().statusCode(204);

            Api.as(deleted.token()).get("/api/v1/alerts").then().statusCode(401);
            Api.as(Api.ADMIN).get("/api/v1/teams/" + deleted.id()).then().statusCode(404);
            Api.as(Api.ADMIN).delete("/api/v1/teams/" + deleted.id()).then().statusCode(404);
            Api.as(Api.ADMIN).get("/api/v1/alerts?status=OPEN&size=100").then().statusCode(200)
                    .body("items.teamId", hasItem(deleted.id().toString()));

            IncidentEventData after = IncidentData.reported().region("PE-PAS").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(after);
            await().atMost(Duration.ofSeconds(20)).until(() -> otherHook.calls().size() == 2);
            ConsumerGroupProgress.awaitCommittedUpToNow("alerts", EVENTS.topic(Topics.INCIDENTS));
            assertThat(deletedHook.calls()).hasSize(1);
        }
    }

    @Test
    void eachRoleSeesOnlyWhatTheAccessTableAllows() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Api.CreatedTeam owner = API.createTeam("PE-LAL", "es", "HIGH", null, hook);
            Api.CreatedTeam stranger = API.createTeam("PE-LAM", "es", "HIGH", "lambayeque@brigada.test", null);
            IncidentEventData incident = IncidentData.reported().region("PE-LAL").riskOngoing(false).violations(Violation.ENFORCED_DISAPPEARANCE).build();
            EVENTS.reported(incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
            String alertId = new JsonPath(new String(hook.calls().get(0).body(), StandardCharsets.UTF_8)).getString("alertId");
            String viewer = tokens.issue(UUID.randomUUID(), Role.VIEWER);
            String reporter = tokens.issue(UUID.randomUUID(), Role.REPORTER);

            // no token, or a bad one → 401
            given().get("/api/v1/alerts").then().statusCode(401).contentType("application/problem+json");
            given().get("/api/v1/teams").then().statusCode(401);
            Api.as("not-a-token").get("/api/v1/alerts/" + alertId).then().statusCode(401);
            // roles without access → 403
            for (String token : List.of(viewer, reporter)) {
                Api.as(token).get("/api/v1/alerts").then().statusCode(403).contentType("application/problem+json");
                Api.as(token).get("/api/v1/alerts/" + alertId).then().statusCode(403);
                Api.as(token).post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(403);
                Api.as(token).get("/api/v1/teams").then().statusCode(403);
            }
            Api.as(owner.token()).get("/api/v1/teams").then().statusCode(403);
            Api.as(owner.token()).body(Api.teamBody("x", "es", List.of(), "HIGH", "a@b.test", null, null))
                    .post("/api/v1/teams").then().statusCode(403);
            // another team's alert does not exist for a responder
            Api.as(stranger.token()).get("/api/v1/alerts/" + alertId).then().statusCode(404);
            Api.as(stranger.token()).post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(404);
            assertThat(Api.as(stranger.token()).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                    .getList("items.id")).doesNotContain(alertId);
            // its own team's, and the admin's view of all
            Api.as(owner.token()).get("/api/v1/alerts?status=OPEN").then().statusCode(200)
                    .body("items.id", hasItem(alertId));
            Api.as(owner.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                    .body("incidentId", equalTo(incident.incidentId().toString()))
                    .body("reference", equalTo(incident.reference()))
                    .body("priority", equalTo("CRITICAL"))
                    .body("region", equalTo("PE-LAL"))
                    .body("raisedAt", notNullValue())
                    .body("acknowledgedAt", equalTo(null));
            Api.as(Api.ADMIN).get("/api/v1/alerts/" + alertId).then().statusCode(200);
            Api.as(owner.token()).get("/api/v1/alerts?status=LOST&size=abc&page=-1").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", containsInAnyOrder("status", "size", "page"));
            Api.as(owner.token()).post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"));
            Api.as(owner.token()).get("/api/v1/alerts?status=ACKNOWLEDGED").then().statusCode(200)
                    .body("items.id", hasItem(alertId));
        }
    }
}
