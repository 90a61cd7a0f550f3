package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Closing an alert with an outcome (SPEC §5 "Beyond a single hop"): who may, what it records and publishes. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class ResolveTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aResponderResolvesItsTeamsAlertWithAnOutcomeAndNoteAndAlertResolvedIsPublishedWithoutTheNote() throws Exception {
        try (TopicReader alertEvents = TopicReader.fromNow(EVENTS.topic(Topics.ALERTS))) {
            Api.CreatedTeam team = API.createTeam("PE-HUC", "es", "HIGH", "resolve@brigada.test", null);
            IncidentEventData incident = urgent("PE-HUC");
            String alertId = alertOf(team, incident);

            Api.as(team.token()).body(Map.of("outcome", "DEFENDER_SAFE", "note", "Acompañamiento a la fiscalía"))
                    .post("/api/v1/alerts/" + alertId + "/resolve").then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("resolvedAt", notNullValue())
                    .body("resolution.outcome", equalTo("DEFENDER_SAFE"))
                    .body("resolution.note", equalTo("Acompañamiento a la fiscalía"));

            Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("resolution.outcome", equalTo("DEFENDER_SAFE"));
            Api.as(team.token()).get("/api/v1/alerts?status=RESOLVED").then().statusCode(200)
                    .body("items.id", hasItem(alertId));
            ConsumerRecord<String, byte[]> resolved = alertEvents.await(record -> record.key().equals(incident.incidentId().toString())
                    && "alert.resolved".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1).get(0);
            JsonNode data = JSON.readTree(resolved.value());
            assertThat(data.get("alertId").asText()).isEqualTo(alertId);
            assertThat(data.get("outcome").asText()).isEqualTo("DEFENDER_SAFE");
            assertThat(data.get("at").asText()).isNotBlank();
            assertThat(new String(resolved.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("fiscalía");
        }
    }

    @Test
    void theEscalationTeamMayResolveAndAnotherTeamGets404() {
        Sql db = new Sql(dataSource);
        Api.CreatedTeam backup = API.createTeam("PE-HUC", "es", "CRITICAL", "backup-resolve@brigada.test", null);
        Api.CreatedTeam stranger = API.createTeam("PE-HUC", "es", "CRITICAL", "stranger-resolve@brigada.test", null);
        var body = Api.teamBody("Brigada que escala " + backup.id(), "es", List.of("PE-HUC"), "HIGH",
                "escala-resolve@brigada.test", null, null);
        body.put("escalationTeamId", backup.id().toString());
        Api.CreatedTeam team = API.createTeam(body);
        IncidentEventData incident = IncidentData.reported().region("PE-HUC").violations(Violation.DEATH_THREAT).build();
        EVENTS.reported(incident);
        String alertId = alertOf(team, incident);
        db.update("UPDATE alert SET raised_at = raised_at - interval '31 minutes' WHERE CAST(id AS text) = ?", alertId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(
                db.text("SELECT status FROM alert WHERE CAST(id AS text) = ?", alertId)));

        Api.as(stranger.token()).body(Map.of("outcome", "OTHER")).post("/api/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(404);
        Api.as(backup.token()).body(Map.of("outcome", "REFERRED")).post("/api/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED")).body("resolution.outcome", equalTo("REFERRED"));
    }

    @Test
    void aBadResolveBodyIs400NamingTheFieldAndChangesNothing() {
        Api.CreatedTeam team = API.createTeam("PE-HUC", "en", "HIGH", "bad-resolve@brigada.test", null);
        String alertId = alertOf(team, urgent("PE-HUC"));

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of(), Map.of("outcome", "SOLVED"),
                Map.of("outcome", "OTHER", "note", "x".repeat(2001)), Map.of("outcome", "OTHER", "colour", "red"))) {
            Api.as(team.token()).body(bad).post("/api/v1/alerts/" + alertId + "/resolve").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.as(team.token()).body(Map.of("outcome", "SOLVED")).post("/api/v1/alerts/" + alertId + "/resolve")
                .then().body("errors.field", hasItem("outcome"));
        Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aResolvedAlertStaysResolvedWhenAcknowledgedOrResolvedAgain() {
        Api.CreatedTeam team = API.createTeam("PE-HUC", "es", "HIGH", "twice-resolve@brigada.test", null);
        String alertId = alertOf(team, urgent("PE-HUC"));
        Api.as(team.token()).body(Map.of("outcome", "NO_ACTION_NEEDED")).post("/api/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(200);

        Api.as(team.token()).post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        Api.as(team.token()).body(Map.of("outcome", "OTHER")).post("/api/v1/alerts/" + alertId + "/resolve")
                .then().statusCode(200).body("resolution.outcome", equalTo("NO_ACTION_NEEDED"));
    }

    private static IncidentEventData urgent(String region) {
        IncidentEventData incident = IncidentData.reported().region(region).violations(Violation.KILLING).build();
        EVENTS.reported(incident);
        return incident;
    }

    /** The id of the team's alert about the incident, once it is raised. */
    static String alertOf(Api.CreatedTeam team, IncidentEventData incident) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Api.as(team.token()).get("/api/v1/alerts")
                .then().statusCode(200).extract().jsonPath()
                .<String>getList("items.findAll { it.incidentId == '" + incident.incidentId() + "' }.id"), ids -> !ids.isEmpty()).get(0);
    }
}
