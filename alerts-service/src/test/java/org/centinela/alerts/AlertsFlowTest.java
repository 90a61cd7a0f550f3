package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.centinela.testkit.Json.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
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
import org.centinela.testkit.ConsumerGroupProgress;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What teams see end to end: incident records on the real broker in, e-mails and signed webhooks out. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AlertsFlowTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERTS_TOPIC = EVENTS.topic(Topics.ALERTS);
    private static final String INCIDENTS_TOPIC = EVENTS.topic(Topics.INCIDENTS);

    @Inject
    AgroalDataSource db;

    private Sql sql;

    @BeforeEach
    void database() {
        sql = new Sql(db);
    }

    @Inject
    IncidentProcessor processor;

    @Inject
    Dispatcher dispatcher;

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

            // Loreto: nothing, by any channel, once the consumer has committed the incident
            ConsumerGroupProgress.awaitCommittedUpToNow("alerts", INCIDENTS_TOPIC);
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
            // Nothing is left to send once both alerts' deliveries are DELIVERED.
            await().atMost(Duration.ofSeconds(10)).until(() -> sql.count("""
                    SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id
                    WHERE a.incident_id IN (?, ?) AND d.status <> 'DELIVERED'""", incident.incidentId(), other.incidentId()) == 0);
            assertThat(hook.calls()).hasSize(2);
            assertThat(sql.count("SELECT count(*) FROM alert WHERE incident_id = ?", incident.incidentId())).isEqualTo(1);
            assertThat(sql.count("SELECT count(*) FROM alert WHERE incident_id = ?", other.incidentId())).isEqualTo(1);
        }
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
            sql.update("ALTER TABLE incident ADD CONSTRAINT test_refused CHECK (id <> '" + failing.incidentId() + "')");
            try {
                EVENTS.reported(failing);
                EVENTS.reported(good);

                await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
                assertThat(JSON.readTree(hook.calls().get(0).body()).get("incidentId").asText()).isEqualTo(good.incidentId().toString());
                assertThat(sql.count("SELECT count(*) FROM incident WHERE id = ?", failing.incidentId())).isZero();
            } finally {
                sql.update("ALTER TABLE incident DROP CONSTRAINT test_refused");
            }
            // Retried in place, never skipped: once the database takes it, it is applied, and the good one not twice.
            await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("SELECT count(*) FROM incident WHERE id = ?",
                    failing.incidentId()) == 1);
            assertThat(sql.count("SELECT count(*) FROM alert WHERE incident_id = ? AND team_id = ?", good.incidentId(), team.id()))
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
            sql.update("UPDATE team SET min_priority = 'CRITICAL' WHERE id = ?", team.id());
            IncidentEventData high = IncidentData.reported().region("PE-LIM").riskOngoing(false).violations(Violation.DEATH_THREAT).build();
            IncidentEventData critical = IncidentData.reported().region("PE-LIM").riskOngoing(false).violations(Violation.KILLING).build();
            EVENTS.reported(high);
            EVENTS.reported(critical);

            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 2
                    && sql.count("SELECT count(*) FROM incident WHERE id = ?", high.incidentId()) == 1);
            assertThat(JSON.readTree(hook.calls().get(1).body()).get("incidentId").asText()).isEqualTo(critical.incidentId().toString());
            assertThat(sql.count("SELECT count(*) FROM alert WHERE incident_id = ? AND team_id = ?", high.incidentId(), team.id()))
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
            ConsumerGroupProgress.awaitCommittedUpToNow("alerts", INCIDENTS_TOPIC);
            await().atMost(Duration.ofSeconds(10)).until(() -> sql.count("""
                    SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id
                    WHERE a.incident_id = ? AND d.status <> 'DELIVERED'""", reported.incidentId()) == 0);
            assertThat(sql.count("SELECT count(*) FROM delivery d JOIN alert a ON a.id = d.alert_id WHERE a.incident_id = ?",
                    reported.incidentId())).isEqualTo(3);
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
            await().atMost(Duration.ofSeconds(20)).until(() -> sql.count(
                    "SELECT count(*) FROM digest_entry WHERE incident_id = ? AND sent_at IS NULL", second.incidentId()) == 1);
            // The digest check runs every second here: no second digest goes today, through several of them.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                    GreenMailResource.messagesTo("junin@brigada.test").size() == 1);
            assertThat(hook.calls()).isEmpty();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
