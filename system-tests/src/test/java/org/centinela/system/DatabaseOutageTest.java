package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The services' PostgreSQL (one of the test's own, {@link OwnPostgres}) goes away while events wait for them:
 * nothing is dead-lettered or skipped, and once it is back each event has its effect and every process is healthy.
 */
class DatabaseOutageTest {

    private static OwnSystem system;
    private static WebhookReceiver webhook;
    private static EventPublisher events;

    @BeforeAll
    static void start() throws Exception {
        system = OwnSystem.onTestBroker("db-outage", 2);
        webhook = WebhookReceiver.start();
        events = EventPublisher.onTestTopics(system.topicPrefix);
    }

    @AfterAll
    static void stop() {
        events.close();
        webhook.close();
        system.close();
    }

    @Test
    void anUrgentIncidentWaitingThroughANinetySecondDatabaseOutageIsAlertedAndDeliveredAndEveryServiceIsHealthyAfter()
            throws Exception {
        system.api().createTeam("PE-MDD", "es", "HIGH", null, webhook);
        IncidentEventData incident = IncidentData.reported().region("PE-MDD").violations(Violation.KILLING)
                .riskOngoing(true).build();
        try (TopicReader deadLetters = TopicReader.fromNow(events.topic(Topics.deadLetter(Topics.INCIDENTS)))) {
            Instant outage = Instant.now();
            system.postgres.stop();
            try {
                events.reported(incident);
                // alerts' consumer has the record and retries it in place:
                await().atMost(Duration.ofSeconds(90)).until(() -> system.alerts.body("/q/health/ready").contains("RETRYING"));
                // The outage itself lasts 90 s: longer than the 60 s after which SmallRye's throttled commit
                // strategy used to close the consumer that held the waiting record.
                Thread.sleep(Math.max(0, Duration.ofSeconds(90).minus(Duration.between(outage, Instant.now())).toMillis()));
            } finally {
                system.postgres.start();
            }

            String id = incident.incidentId().toString();
            WebhookReceiver.Call delivered = await().atMost(Duration.ofSeconds(90)).until(
                    () -> webhook.calls().stream().filter(call -> call.text().contains(id)).findFirst().orElse(null),
                    call -> call != null);
            assertEquals(EventTypes.ALERT_RAISED, delivered.header("X-Centinela-Event"));
            await().atMost(Duration.ofSeconds(90)).until(() -> system.services().stream()
                    .allMatch(service -> service.livenessStatus() == 200 && service.readinessStatus() == 200));
            assertTrue(deadLetters.drain().isEmpty(), "nothing dead-lettered for a database outage");
        }
    }

    @Test
    void whileTheDatabaseIsAwayAnIncidentIsRefusedWith503AndRetryAfterWithinTheClientsTenSecondsAndAcceptedOnRetryAfter()
            throws Exception {
        String reporter = system.api().createOrganisation("Defensoría Ayacucho").token();
        HttpRequest post = HttpRequest.newBuilder(URI.create(system.intake.url("/api/v1/incidents")))
                .header("Authorization", "Bearer " + reporter).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(10)) // a careful client's deadline: a hang fails this test
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(
                        IncidentBody.of(IncidentBody.uniqueOccurredOn(), "PE-AYA", List.of("HARASSMENT")))))
                .build();
        HttpClient http = HttpClient.newHttpClient();

        system.postgres.stop();
        HttpResponse<String> refused;
        try {
            refused = http.send(post, HttpResponse.BodyHandlers.ofString());
        } finally {
            system.postgres.start();
        }

        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), "Retry-After in seconds");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode() == 201);
    }

    @Test
    void aTeamAlertedWhileIntakesDatabaseIsAwayReadsTheIncidentOnceItIsBack() throws Exception {
        String reporter = system.api().createOrganisation("Comité de Defensa Madre de Dios").token();
        // A region no team covers: the grant below is the only one intake gets.
        String incidentId = Api.as(reporter).body(IncidentBody.of(IncidentBody.uniqueOccurredOn(), "PE-TUM", List.of("HARASSMENT")))
                .post(system.intake.url("/api/v1/incidents")).then().statusCode(201).extract().path("id");
        Api.CreatedTeam team = system.api().createTeam("PE-LOR", "es", "CRITICAL", "brigada@example.org", null);
        Api.as(team.token()).get(system.intake.url("/api/v1/incidents/" + incidentId)).then().statusCode(404);

        try (TopicReader deadLetters = TopicReader.fromNow(events.topic(Topics.deadLetter(Topics.ALERTS)))) {
            system.postgres.stop();
            try {
                events.alert(EventTypes.ALERT_RAISED, AlertData.any().incident(UUID.fromString(incidentId))
                        .team(team.id()).priority(Priority.CRITICAL).region("PE-TUM").build());
                await().atMost(Duration.ofSeconds(90)).until(() -> system.intake.body("/q/health/ready").contains("RETRYING"));
            } finally {
                system.postgres.start();
            }

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Api.as(team.token())
                    .get(system.intake.url("/api/v1/incidents/" + incidentId)).then().statusCode(200));
            assertTrue(deadLetters.drain().isEmpty(), "alert.raised is not dead-lettered for a database outage");
        }
    }
}
