package org.centinela.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The public API calls the system tests make, as a member organisation, a coordinator or a dashboard would. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static RequestSpecification asAdmin() {
        return as(RunningSystem.ADMIN_TOKEN);
    }

    /** Registers an organisation at intake and returns its reporter token. */
    static Map<String, Object> createOrganisation(ServiceProcess intake, String name) {
        return asAdmin().body(Map.of("name", name, "acronym", name.substring(0, 3).toUpperCase()))
                .post(intake.url("/api/v1/organisations"))
                .then().statusCode(201).extract().jsonPath().getMap("");
    }

    /** A date of occurrence no other test run uses, so that statistics filtered to it count only this test. */
    static LocalDate uniqueOccurredOn() {
        return LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 9000));
    }

    static Map<String, Object> incident(LocalDate occurredOn, String region, List<String> violations) {
        return Map.of(
                "occurredOn", occurredOn.toString(),
                "region", region,
                "violations", violations,
                "perpetrators", List.of("POLICE"),
                "defenders", Map.of("count", 2, "women", 1, "sectors", List.of("ENVIRONMENTAL")),
                "riskOngoing", true,
                "description", "Agresión durante una protesta contra un proyecto minero.",
                "confidential", Map.of("victimNames", List.of("Nombre Reservado"), "contact", "+51 999 999 999"));
    }
}
