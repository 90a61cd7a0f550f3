package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centinela.testkit.Json.utf8;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.centinela.alerts.escalation.Escalator;
import org.centinela.alerts.delivery.Dispatcher;
import org.centinela.alerts.incident.IncidentEvent;
import org.centinela.alerts.incident.IncidentProcessor;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.kafka.DeadLetterWriter;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** What teams see end to end: incident records on the real broker in, e-mails and signed webhooks out. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AlertsFlowTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERTS_TOPIC = EVENTS.topic(Topics.ALERTS);

    @Inject
    AgroalDataSource db;

    @Inject
    IncidentProcessor processor;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Escalator escalator;

    @Test
    void criticalIncidentInCajamarcaReachesTheCajamarcaTeamByEmailAndSignedWebhookAndLoretoGetsNothing() throws Exception {
        try (WebhookReceiver cajamarcaHook = WebhookReceiver.start(); WebhookReceiver loretoHook = WebhookReceiver.start();
             TopicReader alertEvents = TopicReader.fromNow(ALERTS_TOPIC)) {
            Api.CreatedTeam cajamarca = API.createTeam("PE-CAJ", "es", "HIGH", "cajamarca@brigada.test", cajamarcaHook);
            Api.CreatedTeam loreto = API.createTeam("PE-LOR", "en", "HIGH", "loreto@brigada.test", loretoHook);
            IncidentEventData incident = IncidentData.reported().region("PE-CAJ").riskOngoing(true).violations(Violation.KILLING, Violation.DEATH_THREAT).build();

            EVENTS.reported(incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> cajamarcaHook.calls().size() == 1);
            WebhookReceiver.Call call = cajamarcaHook.calls().get(0);
            assertThat(call.header("X-Centinela-Event")).isEqualTo("alert.raised");
            assertThat(call.signedWith(cajamarca.secret())).isTrue();
            UUID deliveryId = UUID.fromString(call.header("X-Centinela-Delivery"));
            JsonNode body = JSON.readTree(call.body());
            assertThat(fieldNames(body)).containsExactly("event", "alertId", "incidentId", "reference", "priority",
                    "region", "regionName", "violations", "violationLabels", "occurredOn", "organisation", "riskOngoing",
                    "incidentUrl", "acknowledgeUrl", "acknowledgeLink", "sentAt");
            assertThat(body.get("event").asText()).isEqualTo("alert.raised");
            assertThat(body.get("incidentId").asText()).isEqualTo(incident.incidentId().toString());
            assertThat(body.get("reference").asText()).isEqualTo(incident.reference());
            assertThat(body.get("priority").asText()).isEqualTo("CRITICAL");
            assertThat(body.get("region").asText()).isEqualTo("PE-CAJ");
            assertThat(body.get("regionName").asText()).isEqualTo("Cajamarca");
            assertThat(body.get("violations").toString()).isEqualTo("[\"KILLING\",\"DEATH_THREAT\"]");
            assertThat(body.get("violationLabels").toString()).isEqualTo("[\"Asesinato\",\"Amenaza de muerte\"]");
            assertThat(body.get("occurredOn").asText()).isEqualTo("2026-11-20");
            assertThat(body.get("organisation").asText()).isEqualTo("Coordinadora Test");
            assertThat(body.get("riskOngoing").asBoolean()).isTrue();
            String alertId = body.get("alertId").asText();
            assertThat(body.get("incidentUrl").asText()).isEqualTo("http://127.0.0.1:8081/api/v1/incidents/" + incident.incidentId());
            assertThat(body.get("acknowledgeUrl").asText()).isEqualTo("http://127.0.0.1:8082/api/v1/alerts/" + alertId + "/acknowledge");

            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("cajamarca@brigada.test").size() == 1);
            MimeMessage mail = GreenMailResource.messagesTo("cajamarca@brigada.test").get(0);
            assertThat(mail.getSubject()).isEqualTo("[Centinela] Alerta Crítica " + incident.reference() + " — Cajamarca");
            String text = String.valueOf(mail.getContent());
            assertThat(text).contains("Prioridad: Crítica", "Región: Cajamarca (PE-CAJ)",
                    "Violaciones: Asesinato, Amenaza de muerte", "Fecha de los hechos: 2026-11-20",
                    "Organización que reporta: Coordinadora Test", "Riesgo en curso: sí",
                    "/api/v1/alerts/" + alertId + "/acknowledge");

            // alert.raised for Cajamarca only, as CloudEvents keyed by the incident
            ConsumerRecord<String, byte[]> raised = alertEvents.await(record -> record.key().equals(incident.incidentId().toString())
                    && "alert.raised".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1).get(0);
            assertThat(TopicReader.header(raised, CloudEventHeaders.SUBJECT)).isEqualTo(incident.incidentId().toString());
            assertThat(TopicReader.header(raised, CloudEventHeaders.SOURCE)).isEqualTo(EventTypes.SOURCE_ALERTS);
            assertThat(TopicReader.header(raised, CloudEventHeaders.DATASCHEMA)).isEqualTo("urn:centinela:alert.raised:v1");
            JsonNode raisedData = JSON.readTree(raised.value());
            assertThat(raisedData.get("teamId").asText()).isEqualTo(cajamarca.id().toString());
            assertThat(raisedData.get("alertId").asText()).isEqualTo(alertId);
            assertThat(raisedData.get("priority").asText()).isEqualTo("CRITICAL");
            alertEvents.await(record -> record.key().equals(incident.incidentId().toString())
                    && "alert.delivered".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 2);

            JsonPath alert = Api.as(cajamarca.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath();
            assertThat(alert.getString("status")).isEqualTo("OPEN");
            assertThat(alert.getString("teamId")).isEqualTo(cajamarca.id().toString());
            assertThat(alert.getList("deliveries.channel")).containsExactlyInAnyOrder("EMAIL", "WEBHOOK");
            assertThat(alert.getList("deliveries.status")).containsOnly("DELIVERED");
            assertThat(alert.getString("deliveries.find { it.channel == 'WEBHOOK' }.id")).isEqualTo(deliveryId.toString());
            assertThat(alert.getInt("deliveries.find { it.channel == 'WEBHOOK' }.attempts[0].httpStatus")).isEqualTo(200);

            // Loreto: nothing, by any channel
            Thread.sleep(1000);
            assertThat(loretoHook.calls()).isEmpty();
            assertThat(GreenMailResource.messagesTo("loreto@brigada.test")).isEmpty();
            assertThat(Api.as(loreto.token()).get("/api/v1/alerts").then().statusCode(200).extract().jsonPath()
                    .getList("items")).isEmpty();
            assertThat(alertEvents.collect(record -> record.key().equals(incident.incidentId().toString())
                    && "alert.raised".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), Duration.ZERO)).hasSize(1);
        }
    }

    @Test
    void theSameEventTwiceAndTwoConsumersAtOnceRaiseOneAlertPerTeam() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            API.createTeam("PE-AMA", "es", "HIGH", null, hook);
            IncidentEventData incident = IncidentData.reported().region("PE-AMA").riskOngoing(false).violations(Violation.ABDUCTION).build();
            String eventId = UUID.randomUUID().toString();

            EVENTS.incident(eventId, EventTypes.INCIDENT_REPORTED, incident);
            EVENTS.incident(eventId, EventTypes.INCIDENT_REPORTED, incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);

            // Two instances applying the same incident at once (as after a rebalance, under other event ids).
            IncidentEventData other = IncidentData.reported().region("PE-AMA").riskOngoing(false).violations(Violation.ABDUCTION).build();
            ExecutorService twoInstances = Executors.newFixedThreadPool(2);
            try {
                Callable<Object> apply = () -> {
                    dispatcher.dispatch(processor.apply(
                            new IncidentEvent(UUID.randomUUID().toString(), EventTypes.INCIDENT_REPORTED, other)));
                    return null;
                };
                for (Future<Object> result : twoInstances.invokeAll(List.of(apply, apply))) {
                    result.get();
                }
            } finally {
                twoInstances.shutdown();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 2);
            Thread.sleep(1000);
            assertThat(hook.calls()).hasSize(2);
            assertThat(count("SELECT count(*) FROM alert WHERE incident_id = ?", incident.incidentId())).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM alert WHERE incident_id = ?", other.incidentId())).isEqualTo(1);
        }
    }

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
            Thread.sleep(1000);
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
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(text("SELECT status FROM delivery WHERE id = ?", sent)));

            // What an instance leaves behind when it stops mid-attempt: a pending delivery whose claim has lapsed.
            UUID orphan = UUID.randomUUID();
            update("""
                    INSERT INTO delivery (id, alert_id, event, channel, target, secret, subject, body, status, created_at,
                                          next_attempt_at, failed_attempts)
                    SELECT ?, alert_id, event, channel, target, secret, subject, body, 'PENDING', now(),
                           now() - interval '1 second', 1
                    FROM delivery WHERE id = ?""", orphan, sent);
            update("INSERT INTO delivery_attempt (delivery_id, at, outcome) VALUES (?, now() - interval '2 minutes', 'SENDING')", orphan);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 2);
            WebhookReceiver.Call resumed = hook.calls().get(1);
            assertThat(resumed.header("X-Centinela-Delivery")).isEqualTo(orphan.toString());
            assertThat(resumed.signedWith(team.secret())).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(text("SELECT status FROM delivery WHERE id = ?", orphan)));
            assertThat(text("SELECT string_agg(outcome, ',' ORDER BY id) FROM delivery_attempt WHERE delivery_id = ?", orphan))
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
            Thread.sleep(1000);
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
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM alert WHERE incident_id IN (?, ?)",
                    ignored.incidentId(), handled.incidentId()) == 2);
            String ignoredAlert = text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", ignored.incidentId());
            String handledAlert = text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", handled.incidentId());

            String acknowledgedAt = Api.as(team.token()).post("/api/v1/alerts/" + handledAlert + "/acknowledge")
                    .then().statusCode(200).extract().jsonPath().getString("acknowledgedAt");
            JsonPath again = Api.as(team.token()).post("/api/v1/alerts/" + handledAlert + "/acknowledge")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(again.getString("status")).isEqualTo("ACKNOWLEDGED");
            assertThat(again.getString("acknowledgedAt")).isEqualTo(acknowledgedAt);

            // 31 minutes pass for both alerts (the team escalates after 30)
            update("UPDATE alert SET raised_at = raised_at - interval '31 minutes' WHERE incident_id IN (?, ?)",
                    ignored.incidentId(), handled.incidentId());

            await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(
                    text("SELECT status FROM alert WHERE incident_id = ?", ignored.incidentId())));
            Thread.sleep(2000);
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
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM alert WHERE incident_id = ?",
                incident.incidentId()) == 1);
        UUID alertId = UUID.fromString(text("SELECT CAST(id AS text) FROM alert WHERE incident_id = ?", incident.incidentId()));

        ExecutorService twoInstances = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> escalate = () -> QuarkusTransaction.requiringNew().call(() -> escalator.escalate(alertId, Instant.now()));
            for (Future<Object> result : twoInstances.invokeAll(List.of(escalate, escalate))) {
                result.get();
            }
        } finally {
            twoInstances.shutdown();
        }

        assertThat(count("SELECT count(*) FROM outbox WHERE incident_id = ? AND type = 'alert.escalated'", incident.incidentId()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM delivery WHERE alert_id = ? AND event = 'alert.escalated'", alertId)).isEqualTo(1);
        assertThat(Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("ESCALATED");
    }

    @Test
    void aPoisonRecordLandsInTheDeadLetterTopicAndTheNextRecordIsProcessed() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start();
             TopicReader deadLetters = TopicReader.fromNow(Topics.deadLetter(EVENTS.topic(Topics.INCIDENTS)))) {
            API.createTeam("PE-HUC", "es", "HIGH", null, hook);
            String poisonKey = "poison-" + UUID.randomUUID();
            IncidentEventData good = IncidentData.reported().region("PE-HUC").riskOngoing(false).violations(Violation.PHYSICAL_ATTACK).build();

            EVENTS.send(Topics.INCIDENTS, UUID.randomUUID().toString(), EventTypes.INCIDENT_REPORTED, poisonKey, utf8("{\"incidentId\": not json"));
            EVENTS.reported(good);

            ConsumerRecord<String, byte[]> dead = deadLetters.await(record -> poisonKey.equals(record.key()), 1).get(0);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"incidentId\": not json");
            assertThat(TopicReader.header(dead, DeadLetterWriter.REASON)).startsWith("data is not IncidentEventData JSON");
            assertThat(TopicReader.header(dead, DeadLetterWriter.TOPIC)).isEqualTo(EVENTS.topic(Topics.INCIDENTS));
            assertThat(TopicReader.header(dead, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.INCIDENT_REPORTED);
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
            assertThat(JSON.readTree(hook.calls().get(0).body()).get("incidentId").asText()).isEqualTo(good.incidentId().toString());
        }
    }

    @Test
    void anEventThatKeepsFailingHoldsBackOnlyItsOwnIncidentAndTheEventBehindItIsApplied() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam("PE-ARE", "es", "HIGH", null, hook);
            IncidentEventData good = IncidentData.reported().region("PE-ARE").riskOngoing(false).violations(Violation.KILLING).build();
            IncidentEventData failing = IncidentData.reported().id(samePartitionAs(good.incidentId())).region("PE-LMA")
                    .riskOngoing(false).violations(Violation.KILLING).build();
            // Readable, yet refused by the database for as long as the test keeps this constraint.
            update("ALTER TABLE incident ADD CONSTRAINT test_refused CHECK (id <> '" + failing.incidentId() + "')");
            try {
                EVENTS.reported(failing);
                EVENTS.reported(good);

                await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
                assertThat(JSON.readTree(hook.calls().get(0).body()).get("incidentId").asText()).isEqualTo(good.incidentId().toString());
                assertThat(count("SELECT count(*) FROM incident WHERE id = ?", failing.incidentId())).isZero();
            } finally {
                update("ALTER TABLE incident DROP CONSTRAINT test_refused");
            }
            // Retried in place, never skipped: once the database takes it, it is applied, and the good one not twice.
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM incident WHERE id = ?",
                    failing.incidentId()) == 1);
            assertThat(count("SELECT count(*) FROM alert WHERE incident_id = ? AND team_id = ?", good.incidentId(), team.id()))
                    .isEqualTo(1);
            assertThat(hook.calls()).hasSize(1);
        }
    }

    @Test
    void aTeamChangedByAnotherInstanceIsRoutedAsChangedFromTheNextIncidentOn() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam("PE-LIM", "es", "HIGH", null, hook);
            EVENTS.reported(IncidentData.reported().region("PE-LIM").riskOngoing(false).violations(Violation.DEATH_THREAT).build());
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);

            // What another instance's PUT commits: this instance's routing must not keep the team it knew.
            update("UPDATE team SET min_priority = 'CRITICAL' WHERE id = ?", team.id());
            IncidentEventData high = IncidentData.reported().region("PE-LIM").riskOngoing(false).violations(Violation.DEATH_THREAT).build();
            IncidentEventData critical = IncidentData.reported().region("PE-LIM").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(high);
            EVENTS.reported(critical);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 2
                    && count("SELECT count(*) FROM incident WHERE id = ?", high.incidentId()) == 1);
            assertThat(JSON.readTree(hook.calls().get(1).body()).get("incidentId").asText()).isEqualTo(critical.incidentId().toString());
            assertThat(count("SELECT count(*) FROM alert WHERE incident_id = ? AND team_id = ?", high.incidentId(), team.id()))
                    .isZero();
        }
    }

    /** An incident id whose record key lands in the partition of {@code other}'s for any partition count up to 12. */
    private static UUID samePartitionAs(UUID other) {
        int target = Utils.toPositive(Utils.murmur2(other.toString().getBytes(StandardCharsets.UTF_8))) % 27_720;
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(candidate.toString().getBytes(StandardCharsets.UTF_8))) % 27_720 == target) {
                return candidate;
            }
        }
    }

    @Test
    void anUpdateNotifiesTheAlertedTeamAndAlertsTeamsThatTheRaisedPriorityNowReaches() throws Exception {
        try (WebhookReceiver highHook = WebhookReceiver.start(); WebhookReceiver criticalHook = WebhookReceiver.start()) {
            API.createTeam("PE-ICA", "es", "HIGH", null, highHook);
            API.createTeam("PE-ICA", "en", "CRITICAL", null, criticalHook);
            IncidentEventData reported = IncidentData.reported().region("PE-ICA").riskOngoing(false).violations(Violation.DEATH_THREAT).build();

            EVENTS.reported(reported);
            await().atMost(Duration.ofSeconds(20)).until(() -> highHook.calls().size() == 1);

            EVENTS.updated(IncidentData.next(reported).riskOngoing(true).violations(Violation.DEATH_THREAT, Violation.ABDUCTION).verification(Verification.CONFIRMED).build());
            await().atMost(Duration.ofSeconds(20)).until(() -> highHook.calls().size() == 2 && criticalHook.calls().size() == 1);

            WebhookReceiver.Call update = highHook.calls().get(1);
            assertThat(update.header("X-Centinela-Event")).isEqualTo("alert.updated");
            JsonNode updateBody = JSON.readTree(update.body());
            assertThat(updateBody.get("event").asText()).isEqualTo("alert.updated");
            assertThat(updateBody.get("priority").asText()).isEqualTo("CRITICAL");
            assertThat(updateBody.get("riskOngoing").asBoolean()).isTrue();
            assertThat(updateBody.get("alertId").asText()).isEqualTo(JSON.readTree(highHook.calls().get(0).body()).get("alertId").asText());
            WebhookReceiver.Call raised = criticalHook.calls().get(0);
            assertThat(raised.header("X-Centinela-Event")).isEqualTo("alert.raised");
            assertThat(JSON.readTree(raised.body()).get("violationLabels").toString()).isEqualTo("[\"Death threat\",\"Abduction\"]");

            // an older revision arriving late changes nothing
            EVENTS.reported(reported);
            Thread.sleep(1500);
            assertThat(highHook.calls()).hasSize(2);
            assertThat(criticalHook.calls()).hasSize(1);
        }
    }

    @Test
    void normalIncidentsGoToTheTeamsDailyDigestInsteadOfAnAlertOnceADay() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            API.createTeam("PE-JUN", "en", "HIGH", "junin@brigada.test", hook);
            IncidentEventData first = IncidentData.reported().region("PE-JUN").riskOngoing(false).violations(Violation.SURVEILLANCE, Violation.DEFAMATION).build();

            EVENTS.reported(first);

            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("junin@brigada.test").size() == 1);
            MimeMessage digest = GreenMailResource.messagesTo("junin@brigada.test").get(0);
            assertThat(digest.getSubject()).startsWith("[Centinela] Daily digest").endsWith("1 incident(s)");
            assertThat(String.valueOf(digest.getContent())).contains(first.reference(),
                    "Surveillance, Defamation (smear, stigmatisation)", "Junín", "/api/v1/incidents/" + first.incidentId());

            // today's digest has gone: a later NORMAL incident waits for tomorrow's
            IncidentEventData second = IncidentData.reported().region("PE-JUN").riskOngoing(false).violations(Violation.HARASSMENT).build();
            EVENTS.reported(second);
            await().atMost(Duration.ofSeconds(20)).until(() -> count(
                    "SELECT count(*) FROM digest_entry WHERE incident_id = ? AND sent_at IS NULL", second.incidentId()) == 1);
            Thread.sleep(2500);
            assertThat(GreenMailResource.messagesTo("junin@brigada.test")).hasSize(1);
            assertThat(hook.calls()).isEmpty();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) throws Exception {
        return Long.parseLong(text(sql, parameters));
    }

    private String text(String sql, Object... parameters) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private void update(String sql, Object... parameters) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
