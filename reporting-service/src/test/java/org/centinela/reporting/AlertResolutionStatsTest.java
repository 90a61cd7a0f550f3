package org.centinela.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.AlertResolvedData;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.ResolutionOutcome;
import org.centinela.reporting.ingest.LiveConsumer;
import org.centinela.contract.Topics;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.TestEnvironment;
import org.junit.jupiter.api.Test;

/** Time to resolve in the alert statistics (SPEC §5 "Beyond a single hop"), from alert.resolved; alerts of 2011. */
@QuarkusTest
class AlertResolutionStatsTest {

    private static final String ADMIN = TestEnvironment.adminToken();

    @Inject
    ObjectMapper json;
    @Inject
    LiveConsumer consumer;

    @Test
    void timeToResolveHasAMedianAndP90ByPriorityAndRegionAndSmallGroupsAreHiddenFromViewers() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(consumer::isAssigned);
        Instant day = Instant.parse("2011-06-01T10:00:00Z");
        try (EventPublisher events = EventPublisher.onTestTopics("test-reporting.")) {
            int[] criticalSeconds = {600, 1200, 1800};
            for (int i = 0; i < criticalSeconds.length; i++) {
                raiseAndResolve(events, Priority.CRITICAL, "PE-CAJ", day.plusSeconds(i * 3600L), criticalSeconds[i]);
            }
            raiseAndResolve(events, Priority.HIGH, "PE-LOR", day, 100);
            events.alert(EventTypes.ALERT_RAISED, AlertData.of(UUID.randomUUID()).priority(Priority.HIGH).region("PE-LOR")
                    .raisedAt(day).at(day).build());
        }
        String june = "/api/v1/stats/alerts?from=2011-06-01&to=2011-06-30";

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(ADMIN).get(june + "&exact=true")
                .then().statusCode(200).body("resolved", equalTo(4)).body("raised", equalTo(5)));
        given().auth().oauth2(ADMIN).get(june + "&exact=true").then()
                .body("timeToResolveSeconds.CRITICAL.median", equalTo(1200))
                .body("timeToResolveSeconds.CRITICAL.p90", equalTo(1680))
                .body("timeToResolveSeconds.HIGH.median", equalTo(100))
                .body("timeToResolveSeconds.NORMAL.median", nullValue())
                .body("timeToResolveSecondsByRegion.PE-CAJ.median", equalTo(1200))
                .body("timeToResolveSecondsByRegion.PE-CAJ.p90", equalTo(1680))
                .body("timeToResolveSecondsByRegion.PE-LOR.p90", equalTo(100));
        String viewer = given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Resolve stats\"}")
                .post("/api/v1/viewers").then().statusCode(201).extract().path("token");
        // One resolved HIGH alert, one in PE-LOR: fewer than k, never shown to a viewer (the CRITICAL three may be
        // hidden or shown, as their perturbed count decides).
        given().auth().oauth2(viewer).get(june).then().statusCode(200)
                .body("timeToResolveSeconds.HIGH.median", nullValue())
                .body("timeToResolveSeconds.HIGH.p90", nullValue())
                .body("timeToResolveSecondsByRegion.PE-LOR.median", nullValue());
    }

    private void raiseAndResolve(EventPublisher events, Priority priority, String region, Instant raised, int seconds)
            throws Exception {
        UUID alert = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        events.alert(EventTypes.ALERT_RAISED, AlertData.of(alert).incident(incident).priority(priority).region(region)
                .raisedAt(raised).at(raised).build());
        AlertResolvedData resolved = new AlertResolvedData(alert, incident, "PE-2011-000001", UUID.randomUUID(), priority,
                region, raised, raised.plusSeconds(seconds), null, ResolutionOutcome.DEFENDER_SAFE);
        events.send(Topics.ALERTS, UUID.randomUUID().toString(), EventTypes.ALERT_RESOLVED, incident.toString(),
                json.writeValueAsBytes(resolved));
    }
}
