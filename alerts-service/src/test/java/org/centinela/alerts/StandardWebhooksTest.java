package org.centinela.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Webhooks signed the Standard Webhooks way (SPEC §5 "Beyond a single hop"), checked by the test kit's receiver, whose
 * verifier is written from the specification and shares no code with the service.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class StandardWebhooksTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aWebhookCarriesStandardWebhooksHeadersThatAnIndependentVerifierAcceptsNextToTheCentinelaSignature() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String secret = whsec(32);
            API.createTeam(team("PE-CAL", hook, secret, null));
            IncidentEventData incident = IncidentData.reported().region("PE-CAL").violations(Violation.KILLING).build();

            EVENTS.reported(incident);

            WebhookReceiver.Call call = callsAbout(hook, incident, 1).get(0);
            assertThat(call.standardSignedWith(secret, Instant.now(), REPLAY_WINDOW)).isTrue();
            assertThat(call.standardSignatureCount()).isEqualTo(1);
            assertThat(call.header("webhook-id")).isEqualTo(call.header("X-Centinela-Delivery"));
            assertThat(call.signedWith(secret)).isTrue();
            assertThat(call.standardSignedWith(whsec(32), Instant.now(), REPLAY_WINDOW)).isFalse();
            assertThat(call.standardSignedWith(secret, Instant.now().plus(Duration.ofMinutes(10)), REPLAY_WINDOW)).isFalse();
        }
    }

    @Test
    void duringASecretRotationBothSecretsSignAndEitherVerifiesAlone() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            String old = whsec(24);
            String rotated = whsec(64);
            API.createTeam(team("PE-TAC", hook, rotated, old));
            IncidentEventData incident = IncidentData.reported().region("PE-TAC").violations(Violation.KILLING).build();

            EVENTS.reported(incident);

            WebhookReceiver.Call call = callsAbout(hook, incident, 1).get(0);
            assertThat(call.standardSignatureCount()).isEqualTo(2);
            assertThat(call.standardSignedWith(rotated, Instant.now(), REPLAY_WINDOW)).isTrue();
            assertThat(call.standardSignedWith(old, Instant.now(), REPLAY_WINDOW)).isTrue();
            assertThat(call.signedWith(rotated)).isTrue();
        }
    }

    @Test
    void aRetryKeepsItsWebhookIdAndIsSignedAgainForItsOwnTimestampAlsoWithASecretOutsideTheWhsecForm() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start().answering(200, 503)) {
            String secret = "a-plain-secret-registered-before-" + UUID.randomUUID();
            API.createTeam(team("PE-LAM", hook, secret, null));
            IncidentEventData incident = IncidentData.reported().region("PE-LAM").violations(Violation.KILLING).build();

            EVENTS.reported(incident);

            List<WebhookReceiver.Call> calls = callsAbout(hook, incident, 2);
            assertThat(calls.get(1).header("webhook-id")).isEqualTo(calls.get(0).header("webhook-id"));
            assertThat(calls).allSatisfy(call -> assertThat(call.standardSignedWith(secret, Instant.now(), REPLAY_WINDOW)).isTrue());
        }
    }

    @Test
    void aWhsecSecretThatIsNotBase64OfTwentyFourToSixtyFourBytesIsRefusedAndNoTeamIsCreated() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start()) {
            for (String secret : List.of(whsec(16), whsec(65), "whsec_not*base64")) {
                Map<String, Object> body = team("PE-LAM", hook, secret, null);
                Api.asAdmin().body(body).post("/api/v1/teams").then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("channels[0].secret"));
                Api.asAdmin().get("/api/v1/teams").then().statusCode(200)
                        .body("items.name", not(hasItem(body.get("name"))));
            }
            Map<String, Object> rotating = team("PE-LAM", hook, whsec(32), whsec(8));
            Api.asAdmin().body(rotating).post("/api/v1/teams").then().statusCode(400)
                    .body("errors.field", hasItem("channels[0].previousSecret"));
        }
    }

    /** A team of one region with one webhook channel. */
    private static Map<String, Object> team(String region, WebhookReceiver hook, String secret, String previousSecret) {
        Map<String, Object> channel = new HashMap<>(Map.of("type", "WEBHOOK", "url", hook.url(), "secret", secret));
        if (previousSecret != null) {
            channel.put("previousSecret", previousSecret);
        }
        Map<String, Object> body = Api.teamBody("Brigada firmas " + UUID.randomUUID(), "es",
                List.of(region), "HIGH", null, null, null);
        body.put("channels", new ArrayList<>(List.of(channel)));
        return body;
    }

    /** The calls about {@code incident}, once there are {@code count} of them. */
    private static List<WebhookReceiver.Call> callsAbout(WebhookReceiver hook, IncidentEventData incident, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().stream()
                .filter(call -> call.text().contains(incident.incidentId().toString())).toList(), calls -> calls.size() >= count);
    }

    private static String whsec(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
