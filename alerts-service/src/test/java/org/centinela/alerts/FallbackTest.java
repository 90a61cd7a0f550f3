package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
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

/** Channel fallback (SPEC §5 "Beyond a single hop"): a channel failing for fallbackAfterMinutes hands over to the next. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class FallbackTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aWebhookStillFailingAfterFallbackAfterMinutesFallsBackToEmailAndTheDetailShowsBothReceipts() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver failing = WebhookReceiver.start().answering(503)) {
            Api.CreatedTeam team = API.createTeam(webhookThenEmail(failing, "fallback-slow@brigada.test"));
            IncidentEventData incident = urgent();
            String alertId = ResolveTest.alertOf(team, incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> failing.calls().size() >= 2);
            // Only the first channel is used while it may still succeed.
            assertThat(GreenMailResource.messagesTo("fallback-slow@brigada.test")).isEmpty();

            db.update("UPDATE delivery SET fallback_at = fallback_at - interval '1 minute' WHERE CAST(alert_id AS text) = ?", alertId);

            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("fallback-slow@brigada.test").size() == 1);
            JsonPath detail = Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
            String webhookDelivery = detail.getString("deliveries.find { it.channel == 'WEBHOOK' }.id");
            assertThat(detail.getString("deliveries.find { it.channel == 'WEBHOOK' }.status")).isEqualTo("PENDING");
            assertThat(detail.getList("deliveries.find { it.channel == 'WEBHOOK' }.attempts.outcome")).contains("FAILURE");
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(Api.as(team.token())
                    .get("/api/v1/alerts/" + alertId).jsonPath().getString("deliveries.find { it.channel == 'EMAIL' }.status")));
            assertThat(Api.as(team.token()).get("/api/v1/alerts/" + alertId).jsonPath()
                    .getString("deliveries.find { it.channel == 'EMAIL' }.fallbackFrom")).isEqualTo(webhookDelivery);
        }
    }

    @Test
    void aWebhookGivenUpFallsBackAtOnceWithoutWaitingForFallbackAfterMinutes() throws Exception {
        try (WebhookReceiver refusing = WebhookReceiver.start().answering(400)) {
            Api.CreatedTeam team = API.createTeam(webhookThenEmail(refusing, "fallback-now@brigada.test"));
            IncidentEventData incident = urgent();
            String alertId = ResolveTest.alertOf(team, incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("fallback-now@brigada.test").size() == 1);
            assertThat(Api.as(team.token()).get("/api/v1/alerts/" + alertId).jsonPath()
                    .getString("deliveries.find { it.channel == 'WEBHOOK' }.status")).isEqualTo("FAILED");
        }
    }

    @Test
    void fallbackAfterMinutesOutOfRangeIsRefused() {
        var body = Api.teamBody("Brigada sin respaldo", "es", List.of("PE-JUN"), "HIGH", "fallback-bad@brigada.test", null, null);
        body.put("fallbackAfterMinutes", 0);
        Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("fallbackAfterMinutes"));
    }

    private static Map<String, Object> webhookThenEmail(WebhookReceiver hook, String email) {
        var body = Api.teamBody("Brigada con respaldo " + email, "es", List.of("PE-JUN"), "HIGH", null, null, null);
        body.put("channels", new ArrayList<>(List.of(Map.of("type", "WEBHOOK", "url", hook.url(), "secret", "s-" + email),
                Map.of("type", "EMAIL", "address", email))));
        body.put("fallbackAfterMinutes", 1);
        return body;
    }

    private static IncidentEventData urgent() {
        IncidentEventData incident = IncidentData.reported().region("PE-JUN").violations(Violation.KILLING).build();
        EVENTS.reported(incident);
        return incident;
    }
}
