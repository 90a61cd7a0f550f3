package org.centinela.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.centinela.platform.json.StrictJsonCustomizer;
import org.junit.jupiter.api.Test;

class RequestProblemMappersTest {

    record Defenders(Integer count, Boolean risk, List<String> sectors) {
    }

    record Body(Defenders defenders) {
    }

    private final ObjectMapper strict = new ObjectMapper();

    RequestProblemMappersTest() {
        new StrictJsonCustomizer().customize(strict);
    }

    private Problem.FieldError errorFor(String json) {
        try {
            strict.readValue(json, Body.class);
            throw new AssertionError("accepted " + json);
        } catch (JsonProcessingException e) {
            Problem problem = (Problem) new RequestProblemMappers().unreadableJson(e).getEntity();
            assertEquals(400, problem.status());
            return problem.errors().get(0);
        }
    }

    @Test
    void aStringForANumberNamesTheFieldAndTheExpectedJsonType() {
        assertEquals(new Problem.FieldError("defenders.count", "must be an integer"), errorFor("{\"defenders\":{\"count\":\"3\"}}"));
        assertEquals(new Problem.FieldError("defenders.count", "must be an integer"), errorFor("{\"defenders\":{\"count\":3.5}}"));
        assertEquals(new Problem.FieldError("defenders.risk", "must be true or false"), errorFor("{\"defenders\":{\"risk\":\"yes\"}}"));
    }

    @Test
    void unknownAndDuplicatePropertiesAreNamed() {
        assertEquals(new Problem.FieldError("defenders.colour", "unknown property"), errorFor("{\"defenders\":{\"colour\":1}}"));
        Problem.FieldError duplicate = errorFor("{\"defenders\":{\"count\":1,\"count\":2}}");
        assertEquals("defenders", duplicate.field());
        assertTrue(duplicate.message().contains("'count'"), duplicate.message());
    }
}
