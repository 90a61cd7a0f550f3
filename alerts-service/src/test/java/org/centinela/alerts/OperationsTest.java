package org.centinela.alerts;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** What operators read: health, Prometheus metrics, the OpenAPI document. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class OperationsTest {
    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    @Test
    void readyWithItsDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka broker"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsCountRaisedAlertsAndDeliveryAttempts() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            API.createTeam("PE-MDD", "es", "HIGH", null, hook);
            EVENTS.reported(IncidentData.reported().region("PE-MDD").riskOngoing(false).violations(Violation.KILLING).build());
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                    .body(containsString(Metrics.ALERTS_RAISED + "{priority=\"CRITICAL\""))
                    .body(containsString(Metrics.DELIVERY_ATTEMPTS + "{channel=\"WEBHOOK\",outcome=\"success\""))
                    .body(containsString(Metrics.DELIVERY_SECONDS)));
        }
    }

    @Test
    void theOpenApiDocumentDescribesTeamsAndAlerts() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/teams"))
                .body("paths", hasKey("/api/v1/alerts/{id}/acknowledge"))
                .body("tags.name", hasItems("Teams", "Alerts"));
    }
}
