package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** A receiver that hangs or trickles its answer delays only its own team's deliveries (SPEC §7). */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class SlowReceiverTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    /** More urgent incidents than the service has webhook threads, so a shared pool would be exhausted. */
    private static final int INCIDENTS = 24;

    @Inject
    AgroalDataSource db;

    @Test
    void aTricklingReceiverDelaysNeitherAHealthyTeamNorItsOwnAttemptsBeyondTheDeadline() throws Exception {
        try (WebhookReceiver trickling = WebhookReceiver.start().trickling(Duration.ofSeconds(40));
             WebhookReceiver healthy = WebhookReceiver.start()) {
            Api.CreatedTeam slow = API.createTeam("PE-HUV", "es", "HIGH", null, trickling);
            API.createTeam("PE-HUV", "es", "HIGH", null, healthy);

            for (int i = 0; i < INCIDENTS; i++) {
                EVENTS.reported(IncidentData.reported().region("PE-HUV").violations(Violation.KILLING).build());
            }

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(healthy.calls()).hasSize(INCIDENTS));
            // The trickling receiver's attempts end at the deadline (10 s in tests), failed, not when it finishes.
            await().atMost(Duration.ofSeconds(25)).untilAsserted(() ->
                    assertThat(failedAttempts(slow.id())).isPositive());
        }
    }

    private long failedAttempts(UUID teamId) throws Exception {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*) FROM delivery_attempt da JOIN delivery d ON d.id = da.delivery_id
                JOIN alert a ON a.id = d.alert_id WHERE a.team_id = ? AND da.outcome = 'FAILURE'""")) {
            statement.setObject(1, teamId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
