package org.centinela.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alerts API documented (issue 12 item 8): every operation at /q/openapi says what it does and shows its bodies. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class OpenApiDocsTest {

    @Test
    void everyOperationHasASummaryItsErrorAnswersAndAnExampleOfEachJsonBody() throws Exception {
        JsonNode api = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asByteArray());
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(api.get("paths"))) {
            for (Map.Entry<String, JsonNode> operation : iterable(path.getValue())) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode op = operation.getValue();
                if (!op.hasNonNull("summary")) {
                    missing.add(name + ": summary");
                }
                JsonNode request = op.path("requestBody").path("content").path("application/json");
                if (!request.isMissingNode() && !hasExample(request, api)) {
                    missing.add(name + ": request example");
                }
                for (Map.Entry<String, JsonNode> response : iterable(op.path("responses"))) {
                    JsonNode json = response.getValue().path("content").path("application/json");
                    if (response.getKey().startsWith("2") && !json.isMissingNode() && !hasExample(json, api)) {
                        missing.add(name + ": example of " + response.getKey());
                    }
                }
                if (path.getKey().contains("{") && !op.path("responses").has("404")) {
                    missing.add(name + ": 404");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean hasExample(JsonNode media, JsonNode api) {
        if (media.has("example") || media.has("examples")) {
            return true;
        }
        String ref = media.path("schema").path("$ref").asText("");
        return !ref.isEmpty() && api.at(ref.substring(1)).has("example");
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
