package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * A rotation as an operator runs it (README "Rotating keys"), with the keys in environment variables: data written
 * under k1 and tokens signed with t1; a restart with k2 and t2 current and the old keys retired; the re-encryption
 * command; a restart without k1.
 */
class KeyRotationRehearsalTest {

    private static final String K1 = "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    private static final String K2 = "cm90YXRpb24tdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";
    private static final String T1 = "rotation-signing-key-one-0123456789abcdef";
    private static final String T2 = "rotation-signing-key-two-0123456789abcdef";
    private static final String K1_VALUES = """
            SELECT (SELECT count(*) FROM incident WHERE description_enc LIKE 'k1:%' OR confidential_enc LIKE 'k1:%'
                        OR location_enc LIKE 'k1:%')
                 + (SELECT count(*) FROM incident_history WHERE note_enc LIKE 'k1:%')
                 + (SELECT count(*) FROM idempotency_key WHERE body_enc LIKE 'k1:%')""";
    private static final String K1_SECRETS = """
            SELECT (SELECT count(*) FROM team WHERE channels LIKE '%"k1:%')
                 + (SELECT count(*) FROM delivery WHERE secret LIKE 'k1:%')""";

    private final ServiceProcess intake = new ServiceProcess("intake-service", "rotation-intake-service", RunningSystem.ROOT);
    private final ServiceProcess alerts = new ServiceProcess("alerts-service", "rotation-alerts-service", RunningSystem.ROOT);
    private final Api api = Api.at(intake.url(""), alerts.url(""), "");

    @Test
    void dataAndTokensFromBeforeARotationStayUsableThroughReencryptionAndTheRemovalOfTheOldKey() throws Exception {
        try (IsolatedDeployment deployment = IsolatedDeployment.create("rotation");
             WebhookReceiver hook = WebhookReceiver.start()) {
            restart(deployment, Map.of(
                    "CENTINELA_ENCRYPTION_KEY", K1, "CENTINELA_ENCRYPTION_KEY_ID", "k1",
                    "CENTINELA_TOKEN_SIGNING_KEY", T1));
            Api.Principal org = api.createOrganisation("Red Rotación");
            Api.CreatedTeam team = api.createTeam("PE-CAJ", "es", "HIGH", null, hook);
            String marker = IncidentBody.marker();
            String body = IncidentBody.exampleJson(marker).toString();
            String key = "rehearsal-" + marker;
            ExtractableResponse<Response> first = post(org.token(), key, body);
            assertEquals(201, first.statusCode(), first.asString());
            String id = first.path("id");
            Api.as(org.token()).body(Map.of("note", "NOTE-" + marker)).post(intake.url("/api/v1/incidents/" + id + "/updates"))
                    .then().statusCode(200);
            awaitSignedWebhook(hook, id, team.secret());
            assertEquals(1, deployment.number(deployment.intakeDatabase,
                    "SELECT count(*) FROM incident_history WHERE note_enc LIKE 'k1:%'"));
            assertTrue(deployment.number(deployment.alertsDatabase, K1_SECRETS) >= 2);

            // Rotation: k2 and t2 current, k1 and t1 retired.
            restart(deployment, Map.of(
                    "CENTINELA_ENCRYPTION_KEY", K2, "CENTINELA_ENCRYPTION_KEY_ID", "k2",
                    "CENTINELA_ENCRYPTION_RETIRED_KEYS_K1", K1,
                    "CENTINELA_TOKEN_SIGNING_KEY", T2, "CENTINELA_TOKEN_SIGNING_KEY_ID", "t2",
                    "CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_T1", T1));
            assertReadable(org.token(), id, marker);
            assertReplayed(org.token(), key, body, first);
            awaitSignedWebhook(hook, post(org.token(), "second-" + marker, body).path("id"), team.secret());
            String newToken = api.createOrganisation("Red Nueva").token();
            Api.as(newToken).get(intake.url("/api/v1/incidents")).then().statusCode(200);

            Process reencrypt = reencrypt();
            String output = new String(reencrypt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(reencrypt.waitFor(120, TimeUnit.SECONDS), output);
            assertEquals(0, reencrypt.exitValue(), output);
            assertTrue(output.contains("intake-service") && output.contains("alerts-service") && output.contains("100"), output);
            assertEquals(0, deployment.number(deployment.intakeDatabase, K1_VALUES));
            assertEquals(0, deployment.number(deployment.alertsDatabase, K1_SECRETS));

            // k1 removed: everything was moved under k2.
            restart(deployment, Map.of(
                    "CENTINELA_ENCRYPTION_KEY", K2, "CENTINELA_ENCRYPTION_KEY_ID", "k2",
                    "CENTINELA_TOKEN_SIGNING_KEY", T2, "CENTINELA_TOKEN_SIGNING_KEY_ID", "t2",
                    "CENTINELA_TOKEN_RETIRED_SIGNING_KEYS_T1", T1));
            assertReadable(org.token(), id, marker);
            assertReplayed(org.token(), key, body, first);
            awaitSignedWebhook(hook, post(org.token(), "third-" + marker, body).path("id"), team.secret());
        } finally {
            intake.stop();
            alerts.stop();
        }
    }

    private void restart(IsolatedDeployment deployment, Map<String, String> keys) throws Exception {
        intake.stop();
        alerts.stop();
        Map<String, String> env = new HashMap<>(deployment.environment(intake, alerts));
        env.putAll(keys);
        intake.start(RunningSystem.ROOT, env);
        alerts.start(RunningSystem.ROOT, env);
        intake.awaitReady(Duration.ofSeconds(90));
        alerts.awaitReady(Duration.ofSeconds(90));
    }

    private ExtractableResponse<Response> post(String token, String idempotencyKey, String body) {
        return Api.as(token).header("Idempotency-Key", idempotencyKey).body(body)
                .post(intake.url("/api/v1/incidents")).then().extract();
    }

    private void assertReadable(String token, String id, String marker) {
        Api.as(token).get(intake.url("/api/v1/incidents/" + id)).then().statusCode(200)
                .body("confidential.victimNames", hasItem("VICTIM-" + marker))
                .body("description", equalTo("Golpeados durante la protesta DESC-" + marker))
                .body("locality", equalTo("Celendín"))
                .body("history[1].note", equalTo("NOTE-" + marker));
    }

    private void assertReplayed(String token, String key, String body, ExtractableResponse<Response> first) {
        ExtractableResponse<Response> again = post(token, key, body);
        assertEquals(first.statusCode(), again.statusCode(), again.asString());
        assertEquals(first.asString(), again.asString());
    }

    private static void awaitSignedWebhook(WebhookReceiver hook, String incidentId, String secret) {
        WebhookReceiver.Call call = await().atMost(Duration.ofSeconds(30)).until(() -> hook.calls().stream()
                .filter(received -> received.text().contains(incidentId)).findFirst().orElse(null), found -> found != null);
        assertTrue(call.signedWith(secret), "signed with the secret the team was registered with");
    }

    private Process reencrypt() throws Exception {
        ProcessBuilder command = new ProcessBuilder(RunningSystem.ROOT.resolve("bin/centinela").toString(), "reencrypt")
                .redirectErrorStream(true);
        command.environment().putAll(Map.of(
                "CENTINELA_ADMIN_TOKEN", RunningSystem.ADMIN_TOKEN,
                "CENTINELA_INTAKE_BASE_URL", intake.url(""),
                "CENTINELA_ALERTS_BASE_URL", alerts.url("")));
        return command.start();
    }
}
