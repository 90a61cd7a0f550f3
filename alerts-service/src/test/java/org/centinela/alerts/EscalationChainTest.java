package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Escalation chains (SPEC §5 "Beyond a single hop"): several steps, each once, recorded and published. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class EscalationChainTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGION = "PE-MDD";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aThreeStepChainStopsAtTheStepWhereSomeoneAcknowledges() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver second = WebhookReceiver.start(); WebhookReceiver third = WebhookReceiver.start();
             TopicReader alertEvents = TopicReader.fromNow(EVENTS.topic(Topics.ALERTS))) {
            Api.CreatedTeam x = API.createTeam("PE-UCA", "es", "CRITICAL", null, second);
            Api.CreatedTeam y = API.createTeam("PE-UCA", "es", "CRITICAL", null, third);
            Api.CreatedTeam first = API.createTeam(chained("chain-ack", x.id(), y.id()));
            IncidentEventData incident = urgent();
            IncidentEventData control = urgent();
            String alert = ResolveTest.alertOf(first, incident);
            String controlAlert = ResolveTest.alertOf(first, control);

            shiftRaised(db, alert);
            await().atMost(Duration.ofSeconds(20)).until(() -> callsAbout(second, incident) == 1);
            stepDueNow(db, alert);
            await().atMost(Duration.ofSeconds(20)).until(() -> callsAbout(third, incident) == 1);
            Api.as(y.token()).post("/api/v1/alerts/" + alert + "/acknowledge").then().statusCode(200);
            stepDueNow(db, alert);
            shiftRaised(db, controlAlert);

            // The control alert's first step proves a check ran after the acknowledgement.
            await().atMost(Duration.ofSeconds(20)).until(() -> callsAbout(second, control) == 1);
            assertThat(db.text("SELECT CAST(count(*) AS text) FROM alert_escalation WHERE CAST(alert_id AS text) = ?", alert)).isEqualTo("2");
            List<JsonNode> escalated = escalatedEvents(alertEvents, incident, 2);
            assertThat(escalated).extracting(data -> data.get("step").asInt()).containsExactly(1, 2);
            assertThat(escalated).extracting(data -> data.get("escalatedToTeamId").asText())
                    .containsExactly(x.id().toString(), y.id().toString());
            Api.as(first.token()).get("/api/v1/alerts/" + alert).then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"))
                    .body("escalations.step", equalTo(List.of(1, 2)))
                    .body("escalations[0].teamId", equalTo(x.id().toString()));
            // The first step's team still sees the alert after the second step took it further.
            Api.as(x.token()).get("/api/v1/alerts/" + alert).then().statusCode(200);
        }
    }

    @Test
    void anUnansweredChainEndsAtTheCoordinatorsChannelAndEachStepIsTakenOnce() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver second = WebhookReceiver.start(); WebhookReceiver third = WebhookReceiver.start()) {
            Api.CreatedTeam x = API.createTeam("PE-UCA", "es", "CRITICAL", null, second);
            Api.CreatedTeam y = API.createTeam("PE-UCA", "es", "CRITICAL", null, third);
            Api.CreatedTeam first = API.createTeam(chained("chain-end", x.id(), y.id()));
            IncidentEventData incident = urgent();
            String alert = ResolveTest.alertOf(first, incident);

            shiftRaised(db, alert);
            await().atMost(Duration.ofSeconds(20)).until(() -> callsAbout(second, incident) == 1);
            stepDueNow(db, alert);
            await().atMost(Duration.ofSeconds(20)).until(() -> callsAbout(third, incident) == 1);
            stepDueNow(db, alert);
            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("coordinacion@centinela.test")
                    .stream().anyMatch(mail -> subject(mail).contains(incident.reference())));

            Api.asAdmin().get("/api/v1/alerts/" + alert).then().statusCode(200)
                    .body("status", equalTo("ESCALATED"))
                    .body("escalations.step", equalTo(List.of(1, 2, 3)))
                    .body("escalations[2].teamId", equalTo(null))
                    .body("escalatedToTeamId", equalTo(null));
            assertThat(db.text("SELECT CAST(next_escalation_at AS text) FROM alert WHERE CAST(id AS text) = ?", alert)).isNull();
            assertThat(callsAbout(second, incident)).isEqualTo(1);
            assertThat(callsAbout(third, incident)).isEqualTo(1);
        }
    }

    @Test
    void aChainWithUnknownTeamsMisplacedFinalStepOrBadMinutesIsRefusedNamingTheStep() {
        Api.CreatedTeam x = API.createTeam("PE-UCA", "es", "CRITICAL", "chain-bad@brigada.test", null);
        List<List<Map<String, Object>>> bad = List.of(
                List.of(step(30, UUID.randomUUID())),
                List.of(step(30, null), step(10, x.id())),
                List.of(step(30, x.id()), step(0, null)));
        List<String> fields = List.of("escalation[0].teamId", "escalation[0].teamId", "escalation[1].afterMinutes");
        for (int i = 0; i < bad.size(); i++) {
            var body = Api.teamBody("Brigada cadena mala " + i, "es", List.of(REGION), "HIGH", "chain-bad@brigada.test", null, null);
            body.put("escalation", bad.get(i));
            Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(fields.get(i)));
        }
        var both = Api.teamBody("Brigada con las dos", "es", List.of(REGION), "HIGH", "chain-bad@brigada.test", null, null);
        both.put("escalation", List.of(step(30, x.id())));
        both.put("escalationTeamId", x.id().toString());
        Api.asAdmin().body(both).post("/api/v1/teams").then().statusCode(400).body("errors.field", hasItem("escalationTeamId"));
    }

    /** A team of REGION escalating after 30 min to x, 10 min later to y, 5 min later to the coordinators. */
    private static Map<String, Object> chained(String name, UUID x, UUID y) {
        var body = Api.teamBody("Brigada " + name + " " + UUID.randomUUID(), "es", List.of(REGION), "HIGH",
                name + "@brigada.test", null, null);
        body.put("escalation", new ArrayList<>(List.of(step(30, x), step(10, y), step(5, null))));
        return body;
    }

    private static Map<String, Object> step(int afterMinutes, UUID teamId) {
        Map<String, Object> step = new HashMap<>();
        step.put("afterMinutes", afterMinutes);
        if (teamId != null) {
            step.put("teamId", teamId.toString());
        }
        return step;
    }

    private static IncidentEventData urgent() {
        IncidentEventData incident = IncidentData.reported().region(REGION).violations(Violation.TORTURE_OR_ILL_TREATMENT).build();
        EVENTS.reported(incident);
        return incident;
    }

    private static void shiftRaised(Sql db, String alert) {
        db.update("UPDATE alert SET raised_at = raised_at - interval '31 minutes' WHERE CAST(id AS text) = ?", alert);
    }

    private static void stepDueNow(Sql db, String alert) {
        db.update("UPDATE alert SET next_escalation_at = next_escalation_at - interval '1 day' WHERE CAST(id AS text) = ?", alert);
    }

    private static long callsAbout(WebhookReceiver hook, IncidentEventData incident) {
        return hook.calls().stream().filter(call -> "alert.escalated".equals(call.header("X-Centinela-Event"))
                && call.text().contains(incident.incidentId().toString())).count();
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> escalatedEvents(TopicReader events, IncidentEventData incident, int count) throws Exception {
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : events.await(record -> record.key().equals(incident.incidentId().toString())
                && "alert.escalated".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), count)) {
            data.add(JSON.readTree(record.value()));
        }
        return data;
    }
}
