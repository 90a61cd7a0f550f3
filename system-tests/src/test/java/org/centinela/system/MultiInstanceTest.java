package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.AlertEventData;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two alerts-service and two reporting-service processes against the same broker and databases: alerts are raised,
 * delivered and escalated once whichever instance holds the work, figures count each incident once, and a rebuild
 * asked of both reporting instances at once runs once and serves the same figures.
 */
class MultiInstanceTest {

    private static final int INCIDENTS = 12;
    private static final String ADMIN_SECRET = "coordinators-webhook-secret";

    private static WebhookReceiver teams;
    private static WebhookReceiver coordinators;
    private static OwnSystem system;
    private static ServiceProcess secondAlerts;
    private static ServiceProcess secondReporting;

    @BeforeAll
    static void start() throws Exception {
        teams = WebhookReceiver.start();
        coordinators = WebhookReceiver.start();
        system = OwnSystem.onTestBroker("multi-instance", 4, Map.of(
                "CENTINELA_ESCALATION_CHECK_INTERVAL", "1s",
                "CENTINELA_ESCALATION_ADMIN_WEBHOOK_URL", coordinators.url(),
                "CENTINELA_ESCALATION_ADMIN_WEBHOOK_SECRET", ADMIN_SECRET));
        secondAlerts = system.second("alerts-service");
        secondReporting = system.second("reporting-service");
    }

    @AfterAll
    static void stop() {
        system.close();
        teams.close();
        coordinators.close();
    }

    @Test
    void twoInstancesRaiseDeliverAndEscalateEachAlertOnceAndCountEachIncidentOnceAndRebuildOnce() throws Exception {
        // Two teams for the region: one escalates after a minute (to the coordinators), the other not within the test.
        Map<String, Object> quick = Api.teamBody("Brigada rápida", "es", List.of("PE-JUN"), "HIGH", null, teams.url(), "s-1");
        quick.put("escalateAfterMinutes", 1);
        system.api().createTeam(quick);
        system.api().createTeam("PE-JUN", "es", "HIGH", null, teams);
        String reporter = system.api().createOrganisation("Red Junín").token();
        LocalDate day = IncidentBody.uniqueOccurredOn();
        Set<String> incidents = new HashSet<>();
        for (int i = 0; i < INCIDENTS; i++) {
            incidents.add(Api.as(reporter).body(IncidentBody.of(day, "PE-JUN", List.of("KILLING")))
                    .post(system.intake.url("/api/v1/incidents")).then().statusCode(201).extract().path("id"));
        }

        try (TopicReader alertsTopic = TopicReader.fromBeginning(RunningSystem.KAFKA, system.topicPrefix + Topics.ALERTS)) {
            List<ConsumerRecord<String, byte[]>> events = alertsTopic.until(seen -> count(seen, EventTypes.ALERT_RAISED) >= 2 * INCIDENTS
                    && count(seen, EventTypes.ALERT_DELIVERED) >= 2 * INCIDENTS
                    && count(seen, EventTypes.ALERT_ESCALATED) >= INCIDENTS, Duration.ofSeconds(180));

            List<AlertEventData> raised = data(events, EventTypes.ALERT_RAISED);
            Map<String, Set<Object>> alertIdsByPair = raised.stream().collect(Collectors.groupingBy(
                    alert -> alert.incidentId() + "/" + alert.teamId(), Collectors.mapping(AlertEventData::alertId, Collectors.toSet())));
            assertEquals(2 * INCIDENTS, alertIdsByPair.size(), "an alert for each (incident, team)");
            assertTrue(alertIdsByPair.values().stream().allMatch(ids -> ids.size() == 1), "one alert per (incident, team)");
            assertEquals(incidents, raised.stream().map(alert -> alert.incidentId().toString()).collect(Collectors.toSet()));

            Map<Object, Long> escalations = data(events, EventTypes.ALERT_ESCALATED).stream()
                    .collect(Collectors.groupingBy(AlertEventData::alertId, Collectors.counting()));
            assertEquals(INCIDENTS, escalations.size(), "each quick team's alert escalated");
            assertTrue(escalations.values().stream().allMatch(times -> times == 1), "each escalated once: " + escalations);
            await().atMost(Duration.ofSeconds(60)).until(() -> distinctDeliveries(coordinators, EventTypes.ALERT_ESCALATED) >= INCIDENTS);
            assertEquals(INCIDENTS, distinctDeliveries(coordinators, EventTypes.ALERT_ESCALATED), "one escalation notice each");

            Set<String> delivered = data(events, EventTypes.ALERT_DELIVERED).stream()
                    .map(alert -> alert.deliveryId().toString()).collect(Collectors.toSet());
            Set<String> missing = new HashSet<>(delivered);
            for (WebhookReceiver receiver : List.of(teams, coordinators)) {
                receiver.calls().forEach(call -> missing.remove(call.header("X-Centinela-Delivery")));
            }
            assertEquals(Set.of(), missing, "deliveries reported as delivered that no receiver got");
        }

        for (ServiceProcess reporting : List.of(system.reporting, secondReporting)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> summary(reporting, day).body("incidents", equalTo(INCIDENTS)));
        }
        List<CompletableFuture<Integer>> asked = new ArrayList<>();
        for (ServiceProcess reporting : List.of(system.reporting, secondReporting)) {
            asked.add(CompletableFuture.supplyAsync(() -> Api.asAdmin().post(reporting.url("/api/v1/admin/rebuild")).statusCode()));
        }
        List<Integer> answers = asked.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(202, 409), answers, "one rebuild runs, the other is refused while it does");
        for (ServiceProcess reporting : List.of(system.reporting, secondReporting)) {
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> Api.asAdmin().get(reporting.url("/api/v1/admin/rebuild"))
                    .then().statusCode(200).body("state", equalTo("DONE")));
            summary(reporting, day).body("incidents", equalTo(INCIDENTS)).body("byRegion.PE-JUN", equalTo(INCIDENTS));
        }
        try (var connection = system.postgres.connect("centinela_reporting"); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM rebuild_run")) {
            result.next();
            assertEquals(1, result.getInt(1), "one rebuild ran");
        }
    }

    private static ValidatableResponse summary(ServiceProcess reporting, LocalDate day) {
        return Api.asAdmin().queryParam("from", day.toString()).queryParam("to", day.toString()).queryParam("exact", "true")
                .get(reporting.url("/api/v1/stats/summary")).then().statusCode(200);
    }

    private static long count(List<ConsumerRecord<String, byte[]>> records, String type) {
        return records.stream().filter(record -> type.equals(TopicReader.header(record, CloudEventHeaders.TYPE))).count();
    }

    private static List<AlertEventData> data(List<ConsumerRecord<String, byte[]>> records, String type) {
        Map<String, ConsumerRecord<String, byte[]>> byEventId = records.stream()
                .filter(record -> type.equals(TopicReader.header(record, CloudEventHeaders.TYPE)))
                .collect(Collectors.toMap(record -> TopicReader.header(record, CloudEventHeaders.ID), Function.identity(),
                        (first, same) -> first)); // a relay's same-id redelivery is the same event
        return byEventId.values().stream().map(record -> Json.read(record.value(), AlertEventData.class)).toList();
    }

    private static long distinctDeliveries(WebhookReceiver receiver, String event) {
        return receiver.calls().stream().filter(call -> event.equals(call.header("X-Centinela-Event")))
                .map(call -> call.header("X-Centinela-Delivery")).distinct().count();
    }
}
