package org.centinela.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * One urgent incident's whole journey beyond a single hop: raised, delivered on each channel, repeated, escalated one
 * step, acknowledged through the escalation team's link, resolved; the alert detail says all of it.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AlertJourneyTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUrgentIncidentIsRaisedDeliveredRepeatedEscalatedAcknowledgedThroughTheLinkAndResolved() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver teamHook = WebhookReceiver.start(); WebhookReceiver backupHook = WebhookReceiver.start()) {
            Api.CreatedTeam backup = API.createTeam("PE-UCA", "es", "CRITICAL", null, backupHook);
            var body = Api.teamBody("Brigada del recorrido", "es", List.of("PE-AYA"), "HIGH", "journey@brigada.test",
                    teamHook.url(), "secret-journey");
            body.put("repeatEveryMinutes", 1);
            body.put("maxRepeats", 1);
            body.put("escalation", new ArrayList<>(List.of(Map.of("afterMinutes", 30, "teamId", backup.id().toString()),
                    Map.of("afterMinutes", 10))));
            Api.CreatedTeam team = API.createTeam(body);
            IncidentEventData incident = IncidentData.reported().region("PE-AYA").violations(Violation.ENFORCED_DISAPPEARANCE).build();
            EVENTS.reported(incident);
            String alertId = ResolveTest.alertOf(team, incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> teamHook.calls().size() == 1
                    && GreenMailResource.messagesTo("journey@brigada.test").size() == 1);

            db.update("UPDATE alert SET raised_at = raised_at - interval '61 seconds' WHERE CAST(id AS text) = ?", alertId);
            await().atMost(Duration.ofSeconds(20)).until(() -> teamHook.calls().size() == 2);
            db.update("UPDATE alert SET raised_at = raised_at - interval '30 minutes' WHERE CAST(id AS text) = ?", alertId);
            await().atMost(Duration.ofSeconds(20)).until(() -> backupHook.calls().stream()
                    .anyMatch(call -> call.text().contains(alertId) && "alert.escalated".equals(call.header("X-Centinela-Event"))));
            String link = backupHook.calls().stream().filter(call -> call.text().contains(alertId))
                    .map(call -> readLink(call.body())).findFirst().orElseThrow();
            given().formParam("name", "Rosa Quispe").post(URI.create(link).getRawPath()).then().statusCode(200);
            Api.as(team.token()).body(Map.of("outcome", "PROTECTION_PROVIDED", "note", "Acompañamiento y medidas de protección"))
                    .post("/api/v1/alerts/" + alertId + "/resolve").then().statusCode(200);

            String detail = Api.asAdmin().get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().asString();
            System.out.println("ALERT JOURNEY " + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(detail)));
            JsonPath alert = JsonPath.from(detail);
            assertThat(alert.getString("status")).isEqualTo("RESOLVED");
            assertThat(alert.getString("acknowledgement.by")).isEqualTo("Rosa Quispe");
            assertThat(alert.getString("acknowledgement.via")).isEqualTo("WEBHOOK");
            assertThat(alert.getString("acknowledgement.teamId")).isEqualTo(backup.id().toString());
            assertThat(alert.getInt("repeats")).isEqualTo(1);
            assertThat(alert.getList("escalations.step")).containsExactly(1);
            assertThat(alert.getString("resolution.outcome")).isEqualTo("PROTECTION_PROVIDED");
            assertThat(alert.getList("deliveries.event")).containsExactlyInAnyOrder("alert.raised", "alert.raised",
                    "alert.repeated", "alert.repeated", "alert.escalated");
            assertThat(db.text("SELECT CAST(next_escalation_at AS text) FROM alert WHERE CAST(id AS text) = ?", alertId)).isNotNull();
        }
    }

    private static String readLink(byte[] body) {
        try {
            return JSON.readTree(body).get("acknowledgeLink").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
