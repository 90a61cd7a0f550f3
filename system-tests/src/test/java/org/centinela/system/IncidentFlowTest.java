package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An incident posted to intake-service reaches the rapid-response team and the statistics, across processes. */
class IncidentFlowTest {

    private static final String SECRET = "team-webhook-secret";

    private static RunningSystem system;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        webhook = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        webhook.close();
    }

    @Test
    void anUrgentIncidentIsAlertedToTheTeamOfItsRegionWithASignedWebhookAndCountedInTheStatistics() throws Exception {
        String reporterToken = system.api().createOrganisation("Coordinadora Cajamarca").token();
        String teamId = Api.asAdmin().body(Map.of(
                        "name", "Respuesta rápida Cajamarca",
                        "language", "es",
                        "regions", List.of("PE-CAJ"),
                        "minPriority", "HIGH",
                        "channels", List.of(Map.of("type", "WEBHOOK", "url", webhook.url(), "secret", SECRET)),
                        "escalateAfterMinutes", 30))
                .post(system.alerts.url("/api/v1/teams"))
                .then().statusCode(201).extract().path("id");
        LocalDate occurredOn = IncidentBody.uniqueOccurredOn();

        String incidentId = Api.as(reporterToken)
                .body(IncidentBody.of(occurredOn, "PE-CAJ", List.of("KILLING", "DEATH_THREAT")))
                .post(system.intake.url("/api/v1/incidents"))
                .then().statusCode(201).body("status", equalTo("REPORTED")).extract().path("id");

        WebhookReceiver.Call notification = await().atMost(Duration.ofSeconds(20))
                .until(() -> webhook.calls().stream().filter(r -> r.text().contains(incidentId)).findFirst().orElse(null),
                        received -> received != null);
        assertTrue(notification.signedWith(SECRET), "signed with the team's secret");
        assertEquals("alert.raised", notification.header("X-Centinela-Event"));
        assertNotNull(notification.header("X-Centinela-Delivery"));
        assertFalse(notification.text().contains("Nombre Reservado"), "a webhook never names a victim");

        Api.asAdmin().get(system.alerts.url("/api/v1/alerts?status=OPEN"))
                .then().statusCode(200).body("items.incidentId", hasItem(incidentId)).body("items.teamId", hasItem(teamId));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Api.asAdmin()
                .queryParam("from", occurredOn.toString()).queryParam("to", occurredOn.toString())
                .queryParam("exact", "true")
                .get(system.reporting.url("/api/v1/stats/summary"))
                .then().statusCode(200)
                .body("incidents", equalTo(1))
                .body("byRegion.PE-CAJ", equalTo(1))
                .body("byViolation.KILLING", equalTo(1))
                .body("byPerpetratorKind.STATE", equalTo(1)));
    }

    @Test
    void theAlertedTeamReadsTheIncidentAtIntakeAndAnUpdateMovesItsJusticeStatusInTheStatistics() {
        String reporterToken = system.api().createOrganisation("Defensoría Comunal Puno").token();
        String responderToken = Api.asAdmin().body(Map.of(
                        "name", "Brigada Puno", "language", "en", "regions", List.of("PE-PUN"), "minPriority", "HIGH",
                        "channels", List.of(Map.of("type", "WEBHOOK", "url", webhook.url(), "secret", SECRET)),
                        "escalateAfterMinutes", 30))
                .post(system.alerts.url("/api/v1/teams"))
                .then().statusCode(201).extract().path("token");
        LocalDate occurredOn = IncidentBody.uniqueOccurredOn();
        String incidentId = Api.as(reporterToken)
                .body(IncidentBody.of(occurredOn, "PE-PUN", List.of("ARBITRARY_DETENTION")))
                .post(system.intake.url("/api/v1/incidents"))
                .then().statusCode(201).extract().path("id");

        // intake learns from alert.raised on centinela.alerts.v1 that this team may read the incident.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.as(responderToken)
                .get(system.intake.url("/api/v1/incidents/" + incidentId))
                .then().statusCode(200)
                .body("confidential.victimNames[0]", equalTo("Nombre Reservado")));
        Api.as(responderToken).get(system.intake.url("/api/v1/incidents/" + incidentId + "/audit")).then().statusCode(403);

        Api.as(reporterToken).body(Map.of("justiceStatus", "COMPLAINT_FILED"))
                .post(system.intake.url("/api/v1/incidents/" + incidentId + "/updates"))
                .then().statusCode(200).body("justiceStatus", equalTo("COMPLAINT_FILED"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Api.asAdmin()
                .queryParam("from", occurredOn.toString()).queryParam("to", occurredOn.toString())
                .queryParam("exact", "true")
                .get(system.reporting.url("/api/v1/stats/summary"))
                .then().statusCode(200)
                .body("incidents", equalTo(1))
                .body("byJusticeStatus.COMPLAINT_FILED", equalTo(1))
                .body("byJusticeStatus.NOT_REPORTED", equalTo(0)));
    }
}
