package org.centinela.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    private static final String[] PASSED_BY_BIN_CENTINELA = {"--webhook-url", "http://127.0.0.1:8089/hook",
            "--webhook-secret-file", ".run/demo/webhook-secret"};

    @Test
    void withoutOptionsTheDemoPosts2000IncidentsOfSeed1ToTheLocalPorts() {
        DemoOptions options = DemoOptions.parse(PASSED_BY_BIN_CENTINELA);

        assertEquals(2000, options.incidents());
        assertEquals(1, options.seed());
        assertEquals(URI.create("http://127.0.0.1:8081"), options.intake());
        assertEquals(URI.create("http://127.0.0.1:8083"), options.reporting());
    }

    @Test
    void incidentsAndSeedAreTakenAsGiven() {
        DemoOptions options = DemoOptions.parse(concat("--incidents", "500", "--seed", "7"));

        assertEquals(500, options.incidents());
        assertEquals(7, options.seed());
    }

    @Test
    void aBadOptionIsRefusedWithAReason() {
        assertMessage("--incidents needs a number, not 'many'", "--incidents", "many");
        assertMessage("--incidents must be between 1 and 100000", "--incidents", "0");
        assertMessage("unknown option --colour", "--colour", "red");
        assertMessage("--seed needs a value", "--seed");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[0]));
        assertTrue(missing.getMessage().contains("--webhook-url"));
    }

    private static void assertMessage(String message, String... args) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(concat(args))).getMessage());
    }

    private static String[] concat(String... args) {
        String[] all = new String[PASSED_BY_BIN_CENTINELA.length + args.length];
        System.arraycopy(PASSED_BY_BIN_CENTINELA, 0, all, 0, PASSED_BY_BIN_CENTINELA.length);
        System.arraycopy(args, 0, all, PASSED_BY_BIN_CENTINELA.length, args.length);
        return all;
    }
}
