package org.centinela.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The prod profile will not serve behind a guessable bootstrap admin token, nor with the coordinators' webhook
 * pointing at this machine.
 */
class ProductionPostureTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"intake-service", "alerts-service", "reporting-service"})
    void aServiceInTheProdProfileRefusesToStartWithAnAdminTokenShorterThan32Characters(String name) throws Exception {
        ServiceProcess service = new ServiceProcess(name, name + "-short-admin-token", RunningSystem.ROOT);
        Map<String, String> env = RunningSystem.baseEnvironment();
        env.put("CENTINELA_ADMIN_TOKEN", "a".repeat(31));
        try {
            service.start(RunningSystem.ROOT, env);

            OptionalInt exit = service.awaitExit(Duration.ofSeconds(60));

            assertTrue(exit.isPresent(), name + " started with a 31-character admin token");
            assertNotEquals(0, exit.getAsInt());
            assertTrue(service.output().contains("CENTINELA_ADMIN_TOKEN must have at least 32 characters"),
                    service.output());
        } finally {
            service.stop();
        }
    }

    @Test
    void alertsServiceRefusesToStartWhenTheCoordinatorsWebhookPointsAtTheCloudMetadataAddress() throws Exception {
        ServiceProcess service = new ServiceProcess("alerts-service", "alerts-service-private-admin-webhook",
                RunningSystem.ROOT);
        Map<String, String> env = RunningSystem.baseEnvironment();
        env.remove("CENTINELA_WEBHOOK_ALLOW_PRIVATE");
        env.put("CENTINELA_ESCALATION_ADMIN_WEBHOOK_URL", "http://169.254.169.254/latest/meta-data/");
        env.put("CENTINELA_ESCALATION_ADMIN_WEBHOOK_SECRET", "coordinators-secret");
        try {
            service.start(RunningSystem.ROOT, env);

            OptionalInt exit = service.awaitExit(Duration.ofSeconds(60));

            assertTrue(exit.isPresent(), "alerts-service started with a webhook to 169.254.169.254");
            assertNotEquals(0, exit.getAsInt());
            assertTrue(service.output().contains("CENTINELA_ESCALATION_ADMIN_WEBHOOK_URL resolves to 169.254.169.254"),
                    service.output());
        } finally {
            service.stop();
        }
    }
}
