package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.alerts.escalation.Escalator;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries that fail, lapse or are rejected, and alerts nobody acknowledges: retries and escalation, end to end. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class DeliveryAndEscalationFlowTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERTS_TOPIC = EVENTS.topic(Topics.ALERTS);

    @Inject
    AgroalDataSource db;

    private Sql sql;

    @BeforeEach
    void database() {
        sql = new Sql(db);
    }

    @Inject
    Escalator escalator;

    @Test
    void aWebhookAnswering500ThreeTimesGetsTheSameDeliveryIdUntilItIsDelivered() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start().answering(200, 500, 500, 500)) {
            Api.CreatedTeam team = API.createTeam("PE-ANC", "en", "HIGH", null, hook);
            IncidentEventData incident = IncidentData.reported().region("PE-ANC").riskOngoing(false).violations(Violation.DEATH_THREAT).build();

            EVENTS.reported(incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 4);
            List<WebhookReceiver.Call> calls = hook.calls();
            assertThat(calls.stream().map(call -> call.header("X-Centinela-Delivery")).distinct()).hasSize(1);
            assertThat(calls.stream().map(call -> new String(call.body(), StandardCharsets.UTF_8)).distinct()).hasSize(1);
            for (WebhookReceiver.Call call : calls) {
                assertThat(call.signedWith(team.secret())).isTrue();
            }
            String alertId = JSON.readTree(calls.get(0).body()).get("alertId").asText();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonPath alert = Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
                assertThat(alert.getString("deliveries[0].status")).isEqualTo("DELIVERED");
                assertThat(alert.getList("deliveries[0].attempts.outcome"))
                        .containsExactly("FAILURE", "FAILURE", "FAILURE", "SUCCESS");
                assertThat(alert.getList("deliveries[0].attempts.httpStatus")).containsExactly(500, 500, 500, 200);
            });
            // DELIVERED is final: no fifth call can follow
            assertThat(hook.calls()).hasSize(4);
        }
    }

    @Test
    void aDeliveryLeftDueByAStoppedInstanceIsSentFromTheDatabaseSchedule() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam("PE-APU", "es", "HIGH", null, hook);
            IncidentEventData incident = IncidentData.reported().region("PE-APU").riskOngoing(false).violations(Violation.ARBITRARY_DETENTION).build();
            EVENTS.reported(incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
            UUID sent = UUID.fromString(hook.calls().get(0).header("X-Centinela-Delivery"));
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(sql.text("SELECT status FROM delivery WHERE id = ?", sent)));

            // What an instance leaves behind when it stops mid-attempt: a pending delivery whose claim has lapsed.
            UUID orphan = UUID.randomUUID();
            sql.update("""
                    INSERT INTO delivery (id, alert_id, event, channel, target, secret, subject, body, status, created_at,
                                          next_attempt_at, failed_attempts)
                    SELECT ?, alert_id, event, channel, target, secret, subject, body, 'PENDING', now(),
                           now() - interval '1 second', 1
                    FROM delivery WHERE id = ?""", orphan, sent);
            sql.update("INSERT INTO delivery_attempt (delivery_id, at, outcome) VALUES (?, now() - interval '2 minutes', 'SENDING')", orphan);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 2);
            WebhookReceiver.Call resumed = hook.calls().get(1);
            assertThat(resumed.header("X-Centinela-Delivery")).isEqualTo(orphan.toString());
            assertThat(resumed.signedWith(team.secret())).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(sql.text("SELECT status FROM delivery WHERE id = ?", orphan)));
            assertThat(sql.text("SELECT string_agg(outcome, ',' ORDER BY id) FROM delivery_attempt WHERE delivery_id = ?", orphan))
                    .isEqualTo("ABANDONED,SUCCESS");
        }
    }

    @Test
    void aWebhookRejectingWith400IsNotRetriedAndTheAlertIsEscalatedToTheEscalationTeam() throws Exception {
        try (WebhookReceiver rejecting = WebhookReceiver.start().answering(400);
             WebhookReceiver backupHook = WebhookReceiver.start();
             TopicReader alertEvents = TopicReader.fromNow(ALERTS_TOPIC)) {
            Api.CreatedTeam backup = API.createTeam("PE-TAC", "en", "CRITICAL", "backup@brigada.test", backupHook);
            var body = Api.teamBody("Brigada Ayacucho", "es", List.of("PE-AYA"), "HIGH", null, rejecting.url(), "s3cret-ayacucho");
            body.put("escalationTeamId", backup.id().toString());
            Api.CreatedTeam team = API.createTeam(body);
            IncidentEventData incident = IncidentData.reported().region("PE-AYA").riskOngoing(false).violations(Violation.TORTURE_OR_ILL_TREATMENT).build();

            EVENTS.reported(incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> backupHook.calls().size() == 1);
            WebhookReceiver.Call escalated = backupHook.calls().get(0);
            assertThat(escalated.header("X-Centinela-Event")).isEqualTo("alert.escalated");
            assertThat(escalated.signedWith(backup.secret())).isTrue();
            JsonNode escalatedBody = JSON.readTree(escalated.body());
            assertThat(escalatedBody.get("event").asText()).isEqualTo("alert.escalated");
            assertThat(escalatedBody.get("violationLabels").get(0).asText()).isEqualTo("Torture or ill-treatment");
            String alertId = escalatedBody.get("alertId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("backup@brigada.test").size() == 1);
            MimeMessage mail = GreenMailResource.messagesTo("backup@brigada.test").get(0);
            assertThat(mail.getSubject()).isEqualTo("[Centinela] ESCALATED: Critical alert " + incident.reference() + " — Ayacucho");
            assertThat(String.valueOf(mail.getContent())).contains("is escalated to you", "Violations: Torture or ill-treatment",
                    "Risk ongoing: no");
            // FAILED is final: a 400 is never tried again
            await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(sql.text(
                    "SELECT status FROM delivery WHERE alert_id = CAST(? AS uuid) AND event = 'alert.raised'",
                    alertId)));
            assertThat(rejecting.calls()).hasSize(1);

            JsonPath alert = Api.as(backup.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
            assertThat(alert.getString("status")).isEqualTo("ESCALATED");
            assertThat(alert.getString("teamId")).isEqualTo(team.id().toString());
            assertThat(alert.getString("escalatedAt")).isNotNull();
            assertThat(alert.getString("deliveries.find { it.event == 'alert.raised' }.status")).isEqualTo("FAILED");
            assertThat(alert.getList("deliveries.find { it.event == 'alert.raised' }.attempts.httpStatus")).containsExactly(400);
            assertThat(Api.as(backup.token()).get("/api/v1/alerts?status=ESCALATED").then().statusCode(200).extract()
                    .jsonPath().getList("items.id")).contains(alertId);

            // the escalation team owns it now and can acknowledge it
            Api.as(backup.token()).post("/api/v1/alerts/" + alertId + "/acknowledge").then().statusCode(200);
            assertThat(Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract()
                    .jsonPath().getString("status")).isEqualTo("ACKNOWLEDGED");

            String key = incident.incidentId().toString();
            alertEvents.await(record -> record.key().equals(key) && "alert.delivery-failed".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1);
            ConsumerRecord<String, byte[]> escalation = alertEvents.await(record -> record.key().equals(key)
                    && "alert.escalated".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1).get(0);
            assertThat(JSON.readTree(escalation.value()).get("escalatedToTeamId").asText()).isEqualTo(backup.id().toString());
            alertEvents.await(record -> record.key().equals(key) && "alert.acknowledged".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1);
        }
    }

    @Test
    void anAlertNotAcknowledgedInTimeIsEscalatedExactlyOnceAndAnAcknowledgedOneIsNot() throws Exception {
        try (TopicReader alertEvents = TopicReader.fromNow(ALERTS_TOPIC)) {
            Api.CreatedTeam team = API.createTeam("PE-CUS", "es", "HIGH", "cusco@brigada.test", null);
            IncidentEventData ignored = IncidentData.reported().region("PE-CUS").riskOngoing(false).violations(Violation.KILLING).build();
            IncidentEventData handled = IncidentData.reported().region("PE-CUS").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(ignored);
            EVENTS.reported(handled);
            await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("SELECT count(*) FROM alert WHERE incident_id IN (?, ?)",
                    ignored.incidentId(), handled.incidentId()) == 2);
            String ignoredAlert = sql.text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", ignored.incidentId());
            String handledAlert = sql.text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", handled.incidentId());

            String acknowledgedAt = Api.as(team.token()).post("/api/v1/alerts/" + handledAlert + "/acknowledge")
                    .then().statusCode(200).extract().jsonPath().getString("acknowledgedAt");
            JsonPath again = Api.as(team.token()).post("/api/v1/alerts/" + handledAlert + "/acknowledge")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(again.getString("status")).isEqualTo("ACKNOWLEDGED");
            assertThat(again.getString("acknowledgedAt")).isEqualTo(acknowledgedAt);

            // 31 minutes pass for both alerts (the team escalates after 30)
            sql.update("UPDATE alert SET raised_at = raised_at - interval '31 minutes' WHERE incident_id IN (?, ?)",
                    ignored.incidentId(), handled.incidentId());

            await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(
                    sql.text("SELECT status FROM alert WHERE incident_id = ?", ignored.incidentId())));
            // The escalation check runs every second here: the acknowledged alert stays as it is through several.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> "ACKNOWLEDGED".equals(
                    sql.text("SELECT status FROM alert WHERE incident_id = ?", handled.incidentId())));
            List<ConsumerRecord<String, byte[]>> escalations = alertEvents.collect(
                    record -> "alert.escalated".equals(TopicReader.header(record, CloudEventHeaders.TYPE))
                            && (record.key().equals(ignored.incidentId().toString()) || record.key().equals(handled.incidentId().toString())),
                    Duration.ofSeconds(1));
            assertThat(escalations).hasSize(1);
            assertThat(escalations.get(0).key()).isEqualTo(ignored.incidentId().toString());
            assertThat(JSON.readTree(escalations.get(0).value()).get("escalatedToTeamId").isNull()).isTrue();
            assertThat(GreenMailResource.messagesTo("coordinacion@centinela.test").stream()
                    .filter(mail -> subject(mail).contains(ignored.reference()))).hasSize(1);
            assertThat(GreenMailResource.messagesTo("coordinacion@centinela.test").stream()
                    .filter(mail -> subject(mail).contains(handled.reference()))).isEmpty();
            assertThat(Api.as(team.token()).get("/api/v1/alerts/" + handledAlert).then().statusCode(200).extract()
                    .jsonPath().getString("escalatedAt")).isNull();
            assertThat(Api.as(Api.ADMIN).get("/api/v1/alerts/" + ignoredAlert).then().statusCode(200).extract()
                    .jsonPath().getString("status")).isEqualTo("ESCALATED");
        }
    }

    @Test
    void twoInstancesEscalatingTheSameAlertAtOnceEscalateItOnce() throws Exception {
        Api.CreatedTeam team = API.createTeam("PE-SAM", "es", "HIGH", "sanmartin@brigada.test", null);
        IncidentEventData incident = IncidentData.reported().region("PE-SAM").riskOngoing(false).violations(Violation.ATTEMPTED_KILLING).build();
        EVENTS.reported(incident);
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("SELECT count(*) FROM alert WHERE incident_id = ?",
                incident.incidentId()) == 1);
        UUID alertId = UUID.fromString(sql.text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", incident.incidentId()));

        ExecutorService twoInstances = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> escalate = () -> QuarkusTransaction.requiringNew().call(() -> escalator.escalate(alertId, Instant.now()));
            for (Future<Object> result : twoInstances.invokeAll(List.of(escalate, escalate))) {
                result.get();
            }
        } finally {
            twoInstances.shutdown();
        }

        assertThat(sql.count("SELECT count(*) FROM outbox WHERE incident_id = ? AND type = 'alert.escalated'", incident.incidentId()))
                .isEqualTo(1);
        assertThat(sql.count("SELECT count(*) FROM delivery WHERE alert_id = ? AND event = 'alert.escalated'", alertId)).isEqualTo(1);
        assertThat(Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("ESCALATED");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
