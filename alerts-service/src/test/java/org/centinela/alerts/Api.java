package org.centinela.alerts;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls of the tests to the service's API. */
public final class Api {

    public static final String ADMIN = "test-admin-token";

    private Api() {
    }

    public record CreatedTeam(UUID id, String token, String secret) {
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** A team body: channels from an e-mail address and/or a webhook URL (secret generated). */
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

    public static CreatedTeam createTeam(Map<String, Object> body) {
        JsonPath created = as(ADMIN).body(body).post("/api/v1/teams").then().statusCode(201).extract().jsonPath();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> channels = (List<Map<String, Object>>) body.get("channels");
        String secret = channels.stream().filter(channel -> channel.containsKey("secret"))
                .map(channel -> (String) channel.get("secret")).findFirst().orElse(null);
        return new CreatedTeam(UUID.fromString(created.getString("id")), created.getString("token"), secret);
    }

    public static CreatedTeam createTeam(String region, String language, String minPriority, String email,
                                         WebhookReceiver webhook) {
        String secret = "secret-" + UUID.randomUUID();
        return createTeam(teamBody("Brigada " + region + " " + UUID.randomUUID(), language, List.of(region), minPriority,
                email, webhook == null ? null : webhook.url(), secret));
    }
}
