package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** Escalation of alerts nobody acknowledged (SPEC §5), one alert at a time. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class EscalationTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAlertWhoseEscalationFailsDoesNotHoldBackTheEscalationOfOthers() throws Exception {
        Sql db = new Sql(dataSource);
        try (WebhookReceiver hooks = WebhookReceiver.start()) {
            Api.CreatedTeam brokenBackup = API.createTeam("PE-UCA", "es", "CRITICAL", null, hooks);
            Api.CreatedTeam goodBackup = API.createTeam("PE-UCA", "es", "CRITICAL", null, hooks);
            Escalating poisoned = escalatingIncident("PE-SAM", brokenBackup);
            Escalating healthy = escalatingIncident("PE-MOQ", goodBackup);
            String alertOf = "SELECT CAST(id AS text) FROM alert WHERE incident_id = ? AND team_id = ?";
            String poisonedAlert = await().atMost(Duration.ofSeconds(20))
                    .until(() -> db.text(alertOf, poisoned.incident().incidentId(), poisoned.team().id()), id -> id != null);
            String healthyAlert = await().atMost(Duration.ofSeconds(20))
                    .until(() -> db.text(alertOf, healthy.incident().incidentId(), healthy.team().id()), id -> id != null);

            // A row no code path can read (as after a bad manual edit): escalating to this team throws.
            String channels = db.text("SELECT channels FROM team WHERE id = ?", brokenBackup.id());
            db.update("UPDATE team SET channels = 'not json' WHERE id = ?", brokenBackup.id());
            try {
                db.update("UPDATE alert SET raised_at = raised_at - interval '31 minutes' WHERE CAST(id AS text) IN (?, ?)",
                        poisonedAlert, healthyAlert);

                String statusOf = "SELECT status FROM alert WHERE CAST(id AS text) = ?";
                await().atMost(Duration.ofSeconds(20)).until(() -> "ESCALATED".equals(db.text(statusOf, healthyAlert)));
                assertThat(db.text(statusOf, poisonedAlert)).isEqualTo("OPEN");
            } finally {
                db.update("UPDATE team SET channels = ? WHERE id = ?", channels, brokenBackup.id());
            }
        }
    }

    private record Escalating(Api.CreatedTeam team, IncidentEventData incident) {
    }

    /** An urgent incident in {@code region} alerted to a fresh team of its own that escalates to {@code backup}. */
    private static Escalating escalatingIncident(String region, Api.CreatedTeam backup) {
        var body = Api.teamBody("Brigada " + region + " " + backup.id(), "es", List.of(region), "HIGH",
                "brigada-" + backup.id() + "@brigada.test", null, null);
        body.put("escalationTeamId", backup.id().toString());
        Api.CreatedTeam team = API.createTeam(body);
        IncidentEventData incident = IncidentData.reported().region(region).violations(Violation.KILLING).build();
        EVENTS.reported(incident);
        return new Escalating(team, incident);
    }
}
