package org.centinela.intake;

import static org.centinela.testkit.Api.ADMIN;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.centinela.platform.problem.Problem;
import org.centinela.testkit.Json;
import org.junit.jupiter.api.Test;

/** The hostile inputs issue 9 found reaching a 500 or read leniently: each is a 400 problem that writes nothing. */
@QuarkusTest
class HostileInputTest extends WithOrganisation {

    private static ExtractableResponse<Response> post(String token, String body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/incidents").then().extract();
    }

    /** A 400 problem whose errors name {@code field}, after which nothing was written. */
    private void assertRefused(ExtractableResponse<Response> response, String field, String countsBefore) {
        assertEquals(400, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith(Problem.MEDIA_TYPE), response.contentType());
        List<String> fields = response.jsonPath().getList("errors.field");
        assertTrue(fields.contains(field), field + " not named in " + response.asString());
        assertEquals(countsBefore, db.writeCounts());
    }

    private void assertIncidentRefused(ObjectNode body, String field) {
        String before = db.writeCounts();
        assertRefused(post(org.token(), body.toString()), field, before);
    }

    @Test
    void aLocalityContainingANulCharacterIsRefusedNamingTheField() {
        ObjectNode body = exampleJson(marker());
        body.put("locality", "Celen\u0000dín");
        assertIncidentRefused(body, "locality");
    }

    @Test
    void controlCharactersAreRefusedInEveryTextFieldNamingIt() {
        for (String field : List.of("description", "confidential.contact", "confidential.victimNames[0]", "region")) {
            ObjectNode body = exampleJson(marker());
            String[] path = field.replace("[0]", "").split("\\.");
            ObjectNode parent = path.length == 1 ? body : (ObjectNode) body.get(path[0]);
            if (field.endsWith("[0]")) {
                parent.putArray(path[1]).add("Nombre\u001b[31m");
            } else {
                parent.put(path[path.length - 1], "texto\u0007con campana");
            }
            assertIncidentRefused(body, field);
        }
    }

    @Test
    void tabsAndNewlinesInTheDescriptionAreKept() {
        ObjectNode body = exampleJson(marker());
        body.put("description", "Primera línea\n\tsegunda línea\r\ntercera");
        var created = post(org.token(), body.toString());
        assertEquals(201, created.statusCode(), created.asString());
    }

    @Test
    void aNoteWithAControlCharacterIsRefusedNamingTheNote() {
        String id = post(org.token(), exampleJson(marker()).toString()).path("id");
        String before = db.writeCounts();
        var response = as(org.token()).body("{\"note\":\"nota\\u0000\"}").post("/api/v1/incidents/" + id + "/updates")
                .then().extract();
        assertRefused(response, "note", before);
    }

    @Test
    void aNumberIsNotABooleanNorADate() {
        Map<String, Object> wrong = Map.of("riskOngoing", 1, "occurredOn", 17000);
        wrong.forEach((field, value) -> {
            ObjectNode body = exampleJson(marker());
            body.set(field, Json.MAPPER.valueToTree(value));
            assertIncidentRefused(body, field);
        });
    }

    @Test
    void anArrayIsNotADateAndNeitherIsAnEmptyString() {
        ObjectNode body = exampleJson(marker());
        body.putArray("occurredOn").add(2017).add(8).add(21);
        assertIncidentRefused(body, "occurredOn");
        body.put("occurredOn", "");
        assertIncidentRefused(body, "occurredOn");
    }

    @Test
    void anEmptyStringIsNotABoolean() {
        ObjectNode body = exampleJson(marker());
        body.put("riskOngoing", "");
        assertIncidentRefused(body, "riskOngoing");
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefusedNamingThePage() {
        var response = as(ADMIN).get("/api/v1/incidents?page=21474837&size=100").then().extract();
        assertRefused(response, "page", db.writeCounts());
    }

    @Test
    void filterDatesOutsideNineteenNinetyToTodayAreRefusedNamingTheParameter() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("America/Lima")).plusDays(1);
        Map<String, String> refused = Map.of("from", "1989-12-31", "to", tomorrow.toString());
        refused.forEach((name, value) -> assertRefused(
                as(ADMIN).get("/api/v1/incidents?" + name + "=" + value).then().extract(), name, db.writeCounts()));
        assertRefused(as(ADMIN).get("/api/v1/incidents?to=%2B5000000-12-31").then().extract(), "to", db.writeCounts());
        assertEquals(200, as(ADMIN).get("/api/v1/incidents?from=1990-01-01&to=" + tomorrow.minusDays(1)).statusCode());
    }

    @Test
    void anEmptyOrNullBodyIsA400ProblemOnEveryPost() {
        String id = post(org.token(), exampleJson(marker()).toString()).path("id");
        for (String body : List.of("", "null")) {
            String before = db.writeCounts();
            assertRefused(as(ADMIN).body(body).post("/api/v1/organisations").then().extract(), "", before);
            assertRefused(post(org.token(), body), "", before);
            assertRefused(as(org.token()).body(body).post("/api/v1/incidents/" + id + "/updates").then().extract(), "", before);
        }
    }

    @Test
    void anUnexpectedFailureIsA500ProblemWithAnErrorIdAndNoInternals() {
        var response = as(ADMIN).get(FailingResource.PATH).then().extract();
        assertEquals(500, response.statusCode(), response.asString());
        assertTrue(response.contentType().startsWith(Problem.MEDIA_TYPE), response.contentType());
        String errorId = response.path("errorId");
        assertNotNull(errorId, response.asString());
        assertEquals(500, (int) response.path("status"));
        assertFalse(response.asString().contains(FailingResource.SECRET), response.asString());
        assertFalse(response.asString().contains("stack"), response.asString());
        assertFalse(response.asString().contains("FailingResource"), response.asString());
    }
}
