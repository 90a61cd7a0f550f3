package org.centinela.intake;

import static org.centinela.testkit.Api.as;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.testkit.Json;

/** The incident requests intake's tests send, as a member organisation's client would. */
final class IncidentRequests {

    private IncidentRequests() {
    }

    static ExtractableResponse<Response> post(String token, Object body) {
        return as(token).contentType(ContentType.JSON).body(body.toString()).post("/api/v1/incidents").then().extract();
    }

    static ExtractableResponse<Response> postWithKey(String token, String key, String body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/incidents").then().extract();
    }

    static boolean fromOrganisation(ConsumerRecord<String, byte[]> record, UUID organisationId) {
        try {
            return organisationId.toString().equals(Json.MAPPER.readTree(record.value()).path("organisationId").asText());
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
