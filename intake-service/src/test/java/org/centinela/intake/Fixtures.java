package org.centinela.intake;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** Shared test data: tokens, organisations and a valid incident body. */
public final class Fixtures {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public record Org(UUID id, String token) {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    public static Org newOrganisation(String name) {
        var response = as(ADMIN_TOKEN).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"acronym\":\"T" + name.length() + "\"}")
                .post("/api/v1/organisations")
                .then().statusCode(201).extract();
        return new Org(UUID.fromString(response.path("id")), response.path("token"));
    }

    /** A valid incident as in SPEC §4, with a unique marker in the description and the victim's name. */
    public static ObjectNode incident(String marker) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"occurredOn":"2017-08-21","region":"PE-CAJ","locality":"Celendín","latitude":-6.87,"longitude":-78.15,
                     "violations":["PHYSICAL_ATTACK","DEATH_THREAT"],"perpetrators":["POLICE","PRIVATE_SECURITY"],
                     "defenders":{"count":3,"women":1,"sectors":["ENVIRONMENTAL","INDIGENOUS_PEOPLES"]},
                     "context":["PROTEST","EXTRACTIVE_PROJECT"],"riskOngoing":true,"language":"es",
                     "description":"Golpeados durante la protesta DESC-%s",
                     "confidential":{"victimNames":["VICTIM-%s"],"contact":"+51 999 999 999","notes":"NOTES-%s"}}
                    """.formatted(marker, marker, marker));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
