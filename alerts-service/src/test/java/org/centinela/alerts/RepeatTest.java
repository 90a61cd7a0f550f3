package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
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

/** Repeats until acknowledged (SPEC §5 "Beyond a single hop"): repeatEveryMinutes, maxRepeats. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class RepeatTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOpenAlertIsNotifiedAgainOnEveryChannelEachAsANewDeliveryUntilAcknowledged() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver quiet = WebhookReceiver.start(); WebhookReceiver acknowledging = WebhookReceiver.start()) {
            Api.CreatedTeam open = API.createTeam(repeating("quiet-repeat@brigada.test", quiet, 1, 3));
            Api.CreatedTeam acked = API.createTeam(repeating("ack-repeat@brigada.test", acknowledging, 1, 3));
            IncidentEventData incident = IncidentData.reported().region("PE-ICA").violations(Violation.ABDUCTION).build();
            EVENTS.reported(incident);
            String openAlert = ResolveTest.alertOf(open, incident);
            String ackedAlert = ResolveTest.alertOf(acked, incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> quiet.calls().size() == 1 && acknowledging.calls().size() == 1);

            Api.as(acked.token()).post("/api/v1/alerts/" + ackedAlert + "/acknowledge").then().statusCode(200);
            db.update("UPDATE alert SET raised_at = raised_at - interval '61 seconds' WHERE CAST(id AS text) IN (?, ?)",
                    openAlert, ackedAlert);

            await().atMost(Duration.ofSeconds(20)).until(() -> quiet.calls().size() == 2);
            WebhookReceiver.Call repeat = quiet.calls().get(1);
            assertThat(repeat.header("X-Centinela-Event")).isEqualTo("alert.repeated");
            assertThat(repeat.text()).contains("\"event\":\"alert.repeated\"", openAlert);
            assertThat(repeat.header("webhook-id")).isNotEqualTo(quiet.calls().get(0).header("webhook-id"));
            assertThat(repeat.signedWith(open.secret())).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("quiet-repeat@brigada.test").size() == 2);
            assertThat(GreenMailResource.messagesTo("quiet-repeat@brigada.test").get(1).getSubject()).startsWith("[Centinela] RECORDATORIO");
            Api.as(open.token()).get("/api/v1/alerts/" + openAlert).then().statusCode(200)
                    .body("deliveries.findAll { it.event == 'alert.repeated' }.size()", equalTo(2))
                    .body("repeats", equalTo(1));
            // Both were due in the same check: the acknowledged one got nothing.
            assertThat(acknowledging.calls()).hasSize(1);
            assertThat(GreenMailResource.messagesTo("ack-repeat@brigada.test")).hasSize(1);
        }
    }

    @Test
    void repeatsStopAtMaxRepeats() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver capped = WebhookReceiver.start(); WebhookReceiver control = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam(repeating("capped-repeat@brigada.test", capped, 1, 2));
            IncidentEventData incident = IncidentData.reported().region("PE-ICA").violations(Violation.ABDUCTION).build();
            EVENTS.reported(incident);
            String alert = ResolveTest.alertOf(team, incident);
            db.update("UPDATE alert SET raised_at = raised_at - interval '10 minutes' WHERE CAST(id AS text) = ?", alert);

            await().atMost(Duration.ofSeconds(20)).until(() -> capped.calls().size() == 3);
            // A later alert due for its first repeat: once it is repeated, the capped one was checked again too.
            Api.CreatedTeam later = API.createTeam(repeating("control-repeat@brigada.test", control, 1, 5));
            IncidentEventData next = IncidentData.reported().region("PE-ICA").violations(Violation.ABDUCTION).build();
            EVENTS.reported(next);
            String controlAlert = ResolveTest.alertOf(later, next);
            db.update("UPDATE alert SET raised_at = raised_at - interval '61 seconds' WHERE CAST(id AS text) = ?", controlAlert);
            await().atMost(Duration.ofSeconds(20)).until(() -> control.calls().stream()
                    .anyMatch(call -> "alert.repeated".equals(call.header("X-Centinela-Event"))));
            assertThat(capped.calls().stream().filter(call -> "alert.repeated".equals(call.header("X-Centinela-Event")))).hasSize(2);
        }
    }

    @Test
    void repeatSettingsOutOfRangeAreRefusedNamingTheField() {
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("repeatEveryMinutes", 0, "maxRepeats", 1),
                Map.<String, Object>of("repeatEveryMinutes", 1441, "maxRepeats", 1),
                Map.<String, Object>of("repeatEveryMinutes", 5, "maxRepeats", 101))) {
            var body = Api.teamBody("Brigada repite mal", "es", List.of("PE-ICA"), "HIGH", "bad-repeat@brigada.test", null, null);
            body.putAll(bad);
            Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(bad.get("repeatEveryMinutes").equals(5) ? "maxRepeats" : "repeatEveryMinutes"));
        }
        var withoutInterval = Api.teamBody("Brigada sin intervalo", "es", List.of("PE-ICA"), "HIGH", "x-repeat@brigada.test", null, null);
        withoutInterval.put("maxRepeats", 3);
        Api.asAdmin().body(withoutInterval).post("/api/v1/teams").then().statusCode(400)
                .body("errors.field", hasItem("repeatEveryMinutes"));
    }

    private static Map<String, Object> repeating(String email, WebhookReceiver hook, int everyMinutes, int maxRepeats) {
        var body = Api.teamBody("Brigada que repite " + email, "es", List.of("PE-ICA"), "HIGH", email, hook.url(),
                "secret-" + email);
        body.put("repeatEveryMinutes", everyMinutes);
        body.put("maxRepeats", maxRepeats);
        return body;
    }
}
