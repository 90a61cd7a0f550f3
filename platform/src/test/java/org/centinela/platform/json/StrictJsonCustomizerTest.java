package org.centinela.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.RequestProblemMappers;
import org.junit.jupiter.api.Test;

/** What strict JSON refuses, as a table of bodies and the field and message each answer names. */
class StrictJsonCustomizerTest {

    enum Level { HIGH, LOW }

    record Body(Boolean flag, Integer count, LocalDate day, String name, List<String> names, @FreeText String text,
                Level level) {
    }

    // As Quarkus builds it: Java time support first, then the customizer.
    private final ObjectMapper strict = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    StrictJsonCustomizerTest() {
        new StrictJsonCustomizer().customize(strict);
    }

    private Problem.FieldError errorFor(String json) {
        Exception e = assertThrows(Exception.class, () -> strict.readValue(json, Body.class), json);
        Problem problem = (Problem) new RequestProblemMappers().unreadableJson(
                (com.fasterxml.jackson.core.JsonProcessingException) e).getEntity();
        return problem.errors().get(0);
    }

    /** json, field, json, field, …: the bodies refused and the field each answer names. */
    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return table;
    }

    @Test
    void booleansDatesIntegersAndCodesComeOnlyFromTheirOwnExactJson() {
        Map<String, String> refused = table(
                "{\"flag\":1}", "flag",
                "{\"flag\":0.0}", "flag",
                "{\"flag\":\"\"}", "flag",
                "{\"count\":\"\"}", "count",
                "{\"count\":true}", "count",
                "{\"day\":17000}", "day",
                "{\"day\":[2017,8,21]}", "day",
                "{\"day\":\"\"}", "day",
                "{\"day\":\"21/08/2017\"}", "day",
                "{\"day\":\"2017-02-30\"}", "day",
                "{\"level\":\"HIGH\\u0001\"}", "level",
                "{\"level\":\" HIGH\"}", "level",
                "{\"level\":\"high\"}", "level");
        refused.forEach((json, field) -> assertEquals(field, errorFor(json).field(), json));
        assertEquals("must be a date string (YYYY-MM-DD)", errorFor("{\"day\":17000}").message());
    }

    @Test
    void controlCharactersAreRefusedInTextAndOnlyTabAndLineBreaksAllowedInFreeText() throws Exception {
        Map<String, String> refused = table(
                "{\"name\":\"a\\u0000b\"}", "name",
                "{\"name\":\"a\\tb\"}", "name",
                "{\"name\":\"a\\nb\"}", "name",
                "{\"names\":[\"ok\",\"a\\u001bb\"]}", "names[1]",
                "{\"text\":\"a\\u0000b\"}", "text",
                "{\"text\":\"a\\u0007b\"}", "text");
        refused.forEach((json, field) -> assertEquals(field, errorFor(json).field(), json));
        assertEquals("must not contain control characters (U+0000 at position 1)",
                errorFor("{\"name\":\"a\\u0000b\"}").message());
        assertEquals("one\n\ttwo\r\n", strict.readValue("{\"text\":\"one\\n\\ttwo\\r\\n\"}", Body.class).text());
        assertEquals(LocalDate.of(2017, 8, 21), strict.readValue("{\"day\":\"2017-08-21\"}", Body.class).day());
        assertEquals(Level.HIGH, strict.readValue("{\"level\":\"HIGH\"}", Body.class).level());
    }

    @Test
    void storedValuesReadBackWithoutTheTextCheck() throws Exception {
        Body stored = strict.readerFor(Body.class).withAttribute(StrictText.STORED, true)
                .readValue("{\"name\":\"old\\tname\"}");
        assertEquals("old\tname", stored.name());
    }
}
