package org.centinela.intake.idempotency;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.centinela.platform.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    final ObjectMapper json = new ObjectMapper();
    final IdempotencyKeys keys = new IdempotencyKeys(null, null, json);

    @ParameterizedTest
    @ValueSource(strings = {"a", "retry-2026-11-29T00:00:00Z", "~!@#$%^&*()_+ {}|:\"<>?"})
    void acceptsPrintableAscii(String key) {
        assertDoesNotThrow(() -> IdempotencyKeys.check(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "clé", "tab\tkey", "new\nline", "\u007f"})
    void refusesEmptyAndNonPrintable(String key) {
        ProblemException problem = assertThrows(ProblemException.class, () -> IdempotencyKeys.check(key));
        assertEquals("Idempotency-Key", problem.problem().errors().get(0).field());
    }

    @Test
    void refusesOver200Characters() {
        assertDoesNotThrow(() -> IdempotencyKeys.check("k".repeat(200)));
        assertThrows(ProblemException.class, () -> IdempotencyKeys.check("k".repeat(201)));
    }

    @Test
    void equalJsonHashesEquallyWhateverTheKeyOrderAndSpacing() throws Exception {
        String a = keys.hash(json.readTree("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":null}}"));
        String b = keys.hash(json.readTree("{ \"b\" : { \"y\":null, \"x\":[1,2] }, \"a\" : 1 }"));
        assertEquals(a, b);
        assertNotEquals(a, keys.hash(json.readTree("{\"a\":1,\"b\":{\"x\":[2,1],\"y\":null}}")));
        assertNotEquals(a, keys.hash(json.readTree("{\"a\":2,\"b\":{\"x\":[1,2],\"y\":null}}")));
    }
}
