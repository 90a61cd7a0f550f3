package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.team.Channel;
import org.centinela.alerts.team.ChannelType;
import org.centinela.alerts.team.Team;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.crypto.FieldCipher;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Server-side request forgery: a webhook may not point the service at its own machine or network (SPEC §7), neither
 * when a team is registered nor when a name resolves there at send time.
 */
@QuarkusTest
@TestProfile(PrivateTargetsRefusedProfile.class)
@QuarkusTestResource(GreenMailResource.class)
class WebhookTargetsTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");

    @Inject
    AgroalDataSource db;
    @Inject
    FieldCipher cipher;

    @Test
    void aTeamWhoseWebhookPointsAtALoopbackLinkLocalPrivateOrMulticastAddressIs400NamingTheUrl() {
        long before = Api.asAdmin().get("/api/v1/teams").then().extract().jsonPath().getList("items").size();
        for (String url : List.of("http://127.0.0.1:8081/api/v1/organisations", "http://localhost/hook",
                "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "https://172.16.0.1/hook",
                "http://192.168.1.1/", "http://[::1]:8082/", "http://[fd00::1]/hook", "http://224.0.0.1/hook",
                "http://0.0.0.0:8083/", "http://2130706433/", "http://[::ffff:127.0.0.1]/hook")) {
            var body = Api.teamBody("Brigada SSRF", "es", List.of("PE-CUS"), "HIGH", "ok@brigada.test", url, "s3cret");
            Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("channels[1].url")));
        }
        assertThat(Api.asAdmin().get("/api/v1/teams").then().extract().jsonPath().getList("items")).hasSize((int) before);
    }

    @Test
    void aPublicWebhookAddressIsAccepted() {
        var body = Api.teamBody("Brigada pública", "es", List.of("PE-CUS"), "HIGH", null,
                "https://93.184.215.14/hooks/centinela", "s3cret");
        Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(201)
                .body("channels.url", hasItem("https://93.184.215.14/hooks/centinela"));
    }

    @Test
    void aStoredWebhookWhoseNameResolvesToLoopbackAtSendTimeFailsOnceWithoutACallAndIsNotRetried() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            // As if registered when it resolved elsewhere (a rebinding name) or before this rule existed.
            String url = hook.url().replace("127.0.0.1", "localhost");
            UUID teamId = QuarkusTransaction.requiringNew().call(() -> {
                Team team = new Team();
                team.id = UUID.randomUUID();
                team.name = "Brigada Puno " + team.id;
                team.language = "es";
                team.regionList(List.of("PE-PUN"));
                team.minPriority = Priority.HIGH;
                team.channelList(List.of(Channel.webhook(url, cipher.encrypt("s3cret-puno"), null)));
                team.escalateAfterMinutes = 30;
                team.digest = false;
                team.createdAt = Instant.now();
                team.updatedAt = team.createdAt;
                team.persist();
                return team.id;
            });
            IncidentEventData incident = IncidentData.reported().region("PE-PUN").violations(Violation.KILLING).build();

            EVENTS.reported(incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(new Sql(db).text(
                    "SELECT d.status FROM delivery d JOIN alert a ON a.id = d.alert_id WHERE a.team_id = ? AND d.event = 'alert.raised'",
                    teamId)));
            assertThat(new Sql(db).text("SELECT d.failed_attempts || ' ' || string_agg(t.outcome || ': ' || t.error, ',') FROM delivery d "
                    + "JOIN alert a ON a.id = d.alert_id JOIN delivery_attempt t ON t.delivery_id = d.id "
                    + "WHERE a.team_id = ? AND d.event = 'alert.raised' GROUP BY d.failed_attempts", teamId))
                    .startsWith("1 FAILURE: ")
                    .contains("refused", "localhost", "loopback");
            assertThat(hook.calls()).isEmpty();
        }
    }
}
