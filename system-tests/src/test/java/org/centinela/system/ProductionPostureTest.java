package org.centinela.system;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The prod profile will not serve behind a guessable bootstrap admin token. */
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
}
