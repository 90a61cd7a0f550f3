package org.centinela.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public API as its clients call it (a coordinator, a member organisation, a team, a dashboard). A service's own
 * tests use {@link #inProcess()} (paths against the port Quarkus gives RestAssured); cross-process tests give each
 * service's base URL.
 */
public final class Api {

    public static final String ADMIN = TestEnvironment.adminToken();

    private final String intake;
    private final String alerts;
    private final String reporting;

    private Api(String intake, String alerts, String reporting) {
        this.intake = intake;
        this.alerts = alerts;
        this.reporting = reporting;
    }

    /** Against the service under test in this JVM. */
    public static Api inProcess() {
        return new Api("", "", "");
    }

    /** Against services at these base URLs (e.g. {@code http://127.0.0.1:8081}). */
    public static Api at(String intake, String alerts, String reporting) {
        return new Api(intake, alerts, reporting);
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN);
    }

    public String intake(String path) {
        return intake + path;
    }

    public String alerts(String path) {
        return alerts + path;
    }

    public String reporting(String path) {
        return reporting + path;
    }

    public record Principal(UUID id, String token) {
    }

    public record CreatedTeam(UUID id, String token, String secret) {
    }

    /** Registers a member organisation at intake; its reporter token. */
    public Principal createOrganisation(String name) {
        JsonPath created = asAdmin().body(Map.of("name", name, "acronym", acronym(name)))
                .post(intake("/api/v1/organisations")).then().statusCode(201).extract().jsonPath();
        return new Principal(UUID.fromString(created.getString("id")), created.getString("token"));
    }

    /** Registers a dashboard at reporting; its viewer token. */
    public Principal createViewer(String name) {
        JsonPath created = asAdmin().body(Map.of("name", name))
                .post(reporting("/api/v1/viewers")).then().statusCode(201).extract().jsonPath();
        return new Principal(UUID.fromString(created.getString("id")), created.getString("token"));
    }

    public CreatedTeam createTeam(Map<String, Object> body) {
        JsonPath created = asAdmin().body(body).post(alerts("/api/v1/teams")).then().statusCode(201).extract().jsonPath();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) body.get("channels");
        String secret = channels.stream().filter(channel -> channel.containsKey("secret"))
                .map(channel -> (String) channel.get("secret")).findFirst().orElse(null);
        return new CreatedTeam(UUID.fromString(created.getString("id")), created.getString("token"), secret);
    }

    /** A team of one region with an e-mail and/or webhook channel (secret generated), escalating after 30 minutes. */
    public CreatedTeam createTeam(String region, String language, String minPriority, String email,
                                  WebhookReceiver webhook) {
        return createTeam(teamBody("Brigada " + region + " " + UUID.randomUUID(), language, List.of(region), minPriority,
                email, webhook == null ? null : webhook.url(), "secret-" + UUID.randomUUID()));
    }

    /** A team body: channels from an e-mail address and/or a webhook URL. */
    public static Map<String, Object> teamBody(String name, String language, List<String> regions, String minPriority,
                                               String email, String webhookUrl, String secret) {
        List<Map<String, Object>> channels = new ArrayList<>();
        if (email != null) {
            channels.add(Map.of("type", "EMAIL", "address", email));
        }
        if (webhookUrl != null) {
            channels.add(Map.of("type", "WEBHOOK", "url", webhookUrl, "secret", secret));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("language", language);
        body.put("regions", regions);
        body.put("minPriority", minPriority);
        body.put("channels", channels);
        body.put("escalateAfterMinutes", 30);
        return body;
    }

    private static String acronym(String name) {
        String letters = name.replaceAll("[^A-Za-z]", "").toUpperCase();
        return letters.isEmpty() ? "ORG" : letters.substring(0, Math.min(4, letters.length()));
    }
}
