package org.centinela.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.platform.problem.Problem;
import org.centinela.testkit.Api;
import org.centinela.testkit.Json;
import org.centinela.testkit.Sql;
import org.junit.jupiter.api.Test;

/** Team bodies and alert listings that issue 9 found reaching a 500 or read leniently: 4xx problems, nothing written. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class HostileInputTest {

    @Inject
    AgroalDataSource dataSource;

    private String counts() {
        Sql sql = new Sql(dataSource);
        return "teams=" + sql.count("SELECT count(*) FROM team") + " lastChange=" + sql.text("SELECT max(updated_at) FROM team");
    }

    private static ObjectNode team() {
        return Json.MAPPER.valueToTree(Api.teamBody("Brigada " + UUID.randomUUID(), "es", List.of("PE-CAJ"), "HIGH",
                "alertas@brigada.test", "https://brigada.example/hook", "a-long-shared-secret"));
    }

    private void assertProblem(int status, ExtractableResponse<Response> response, String field, String before) {
        assertEquals(status, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith(Problem.MEDIA_TYPE), response.contentType());
        if (field != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            assertTrue(fields.contains(field), field + " not named in " + response.asString());
        }
        assertEquals(before, counts());
    }

    private UUID existingTeam() {
        return Api.inProcess().createTeam(Json.MAPPER.convertValue(team(), Map.class)).id();
    }

    @Test
    void anEmptyOrNullTeamBodyIsA400ProblemOnPostAndPut() {
        UUID id = existingTeam();
        for (String body : List.of("", "null")) {
            String before = counts();
            assertProblem(400, Api.asAdmin().body(body).post("/api/v1/teams").then().extract(), "", before);
            assertProblem(400, Api.asAdmin().body(body).put("/api/v1/teams/" + id).then().extract(), "", before);
        }
    }

    @Test
    void controlCharactersInATeamsTextsAreRefusedNamingTheField() {
        ObjectNode nul = team();
        nul.put("name", "Brigada\u0000");
        assertProblem(400, Api.asAdmin().body(nul.toString()).post("/api/v1/teams").then().extract(), "name", counts());
        ObjectNode escape = team();
        ((ObjectNode) escape.get("channels").get(0)).put("address", "alertas@brigada.test\r\nBcc: x@y.z");
        assertProblem(400, Api.asAdmin().body(escape.toString()).post("/api/v1/teams").then().extract(),
                "channels[0].address", counts());
    }

    @Test
    void aCodeIsExactNotTrimmedOfControlCharactersOrSpaces() {
        for (String priority : List.of("HIGH\u0001", " HIGH", "HIGH\t")) {
            ObjectNode body = team();
            body.put("minPriority", priority);
            assertProblem(400, Api.asAdmin().body(body.toString()).post("/api/v1/teams").then().extract(), "minPriority", counts());
        }
    }

    @Test
    void numbersAreNotBooleansAndTextIsNotANumberInATeam() {
        Map<String, Object> wrong = Map.of("digest", 1, "escalateAfterMinutes", "30");
        wrong.forEach((field, value) -> {
            ObjectNode body = team();
            body.set(field, Json.MAPPER.valueToTree(value));
            assertProblem(400, Api.asAdmin().body(body.toString()).post("/api/v1/teams").then().extract(), field, counts());
        });
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingThePage() {
        assertProblem(400, Api.asAdmin().get("/api/v1/alerts?page=21474837&size=100").then().extract(), "page", counts());
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        ObjectNode body = team();
        body.put("name", "x".repeat(70_000));
        assertProblem(413, Api.asAdmin().body(body.toString()).post("/api/v1/teams").then().extract(), null, counts());
    }
}
