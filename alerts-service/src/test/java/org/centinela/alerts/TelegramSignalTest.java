package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Sql;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * TELEGRAM and SIGNAL channels (SPEC §5 "Beyond a single hop") against local receivers that emulate the Bot API's
 * {@code sendMessage} and a signal-cli REST bridge's {@code /v2/send}; no real network.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class TelegramSignalTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOT_TOKEN = "123456:ABC-test-bot-token";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTelegramChatGetsTheNotificationInTheTeamsLanguageWithTheLinkAndARateLimitIsRetried() throws Exception {
        try (WebhookReceiver botApi = WebhookReceiver.start().answering(200, 429)) {
            Api.CreatedTeam team = API.createTeam(team("en", Map.of("type", "TELEGRAM", "chatId", "-100200300",
                    "botToken", BOT_TOKEN, "apiBaseUrl", botApi.base())));
            IncidentEventData incident = urgent();
            String alertId = ResolveTest.alertOf(team, incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> botApi.calls().size() == 2);
            WebhookReceiver.Call call = botApi.calls().get(1);
            assertThat(call.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("chat_id").asText()).isEqualTo("-100200300");
            assertThat(body.get("text").asText()).contains("Critical alert " + incident.reference(),
                    "/ack/" + alertId + "/", "Acknowledge with one click");
            await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(Api.as(team.token())
                    .get("/api/v1/alerts/" + alertId).jsonPath().getString("deliveries[0].status")));
            Api.as(team.token()).get("/api/v1/alerts/" + alertId).then()
                    .body("deliveries[0].channel", org.hamcrest.Matchers.equalTo("TELEGRAM"));
        }
    }

    @Test
    void aSignalBridgeGetsTheNumberRecipientsAndTheMessageInSpanish() throws Exception {
        try (WebhookReceiver bridge = WebhookReceiver.start()) {
            Api.CreatedTeam team = API.createTeam(team("es", Map.of("type", "SIGNAL", "url", bridge.base(),
                    "number", "+51911111111", "recipients", List.of("+51922222222", "+51933333333"))));
            IncidentEventData incident = urgent();
            String alertId = ResolveTest.alertOf(team, incident);

            await().atMost(Duration.ofSeconds(20)).until(() -> bridge.calls().size() == 1);
            WebhookReceiver.Call call = bridge.calls().get(0);
            assertThat(call.path()).isEqualTo("/v2/send");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("number").asText()).isEqualTo("+51911111111");
            assertThat(body.get("recipients").toString()).isEqualTo("[\"+51922222222\",\"+51933333333\"]");
            assertThat(body.get("message").asText()).contains("Alerta Crítica " + incident.reference(),
                    "/ack/" + alertId + "/", "Acusar recibo con un clic");
        }
    }

    @Test
    void theBotTokenIsStoredEncryptedNeverReturnedAndKeptByAPutThatLeavesItOut() {
        Sql db = new Sql(dataSource);
        Map<String, Object> telegram = Map.of("type", "TELEGRAM", "chatId", "-1001", "botToken", BOT_TOKEN);
        Api.CreatedTeam team = API.createTeam(team("es", telegram));

        Api.asAdmin().get("/api/v1/teams/" + team.id()).then().statusCode(200)
                .body("channels[0].chatId", org.hamcrest.Matchers.equalTo("-1001"))
                .body("channels[0]", not(org.hamcrest.Matchers.hasKey("botToken")));
        assertThat(db.text("SELECT channels FROM team WHERE id = ?", team.id())).doesNotContain(BOT_TOKEN);
        Api.asAdmin().body(team("es", Map.of("type", "TELEGRAM", "chatId", "-1001"))).put("/api/v1/teams/" + team.id())
                .then().statusCode(200);
        Api.asAdmin().body(team("es", Map.of("type", "TELEGRAM", "chatId", "-2002"))).put("/api/v1/teams/" + team.id())
                .then().statusCode(400).body("errors.field", hasItem("channels[0].botToken"));
    }

    @Test
    void badTelegramAndSignalChannelsAreRefusedNamingTheField() {
        List<Map<String, Object>> bad = List.of(Map.of("type", "TELEGRAM", "botToken", BOT_TOKEN),
                Map.of("type", "SIGNAL", "url", "http://127.0.0.1:1", "number", "51911", "recipients", List.of("+51922222222")),
                Map.of("type", "SIGNAL", "url", "http://127.0.0.1:1", "number", "+51911111111", "recipients", List.of()));
        List<String> fields = List.of("channels[0].chatId", "channels[0].number", "channels[0].recipients");
        for (int i = 0; i < bad.size(); i++) {
            Api.asAdmin().body(team("es", bad.get(i))).post("/api/v1/teams").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(fields.get(i)));
        }
    }

    private static Map<String, Object> team(String language, Map<String, Object> channel) {
        var body = Api.teamBody("Brigada mensajería " + channel.get("type") + " " + java.util.UUID.randomUUID(), language,
                List.of("PE-LAL"), "HIGH", null, null, null);
        body.put("channels", new ArrayList<>(List.of(channel)));
        return body;
    }

    private static IncidentEventData urgent() {
        IncidentEventData incident = IncidentData.reported().region("PE-LAL").violations(Violation.KILLING).build();
        EVENTS.reported(incident);
        return incident;
    }
}
