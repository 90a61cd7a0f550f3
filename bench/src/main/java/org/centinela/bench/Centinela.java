package org.centinela.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.UUID;

/** The setup calls the benchmarks make as an admin (SPEC §3, §5): principals to act as. */
final class Centinela {

    record Team(String id, String token) {
    }

    private Centinela() {
    }

    /** A new organisation; returns its reporter token. */
    static String reporterToken(Http http, URI intake, String adminToken) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = Json.object().put("name", "Bench organisation " + suffix).put("acronym", "B" + suffix);
        JsonNode created = Json.read(Http.expect(
                http.postJson(intake.resolve("/api/v1/organisations"), adminToken, Json.write(body)), 201).body());
        return created.path("token").asText();
    }

    /** A new viewer; returns its token. */
    static String viewerToken(Http http, URI reporting, String adminToken) throws Exception {
        ObjectNode body = Json.object().put("name", "Bench viewer " + UUID.randomUUID().toString().substring(0, 8));
        JsonNode created = Json.read(Http.expect(
                http.postJson(reporting.resolve("/api/v1/viewers"), adminToken, Json.write(body)), 201).body());
        return created.path("token").asText();
    }

    /** A team for the whole country, alerted from HIGH up, with one signed webhook and no escalation in sight. */
    static Team webhookTeam(Http http, URI alerts, String adminToken, URI webhook, String secret) throws Exception {
        ObjectNode body = Json.object();
        body.put("name", "Bench team " + UUID.randomUUID().toString().substring(0, 8));
        body.put("language", "es");
        body.putArray("regions");
        body.put("minPriority", "HIGH");
        body.putArray("channels").addObject().put("type", "WEBHOOK").put("url", webhook.toString())
                .put("secret", secret);
        body.put("escalateAfterMinutes", 60);
        body.putNull("escalationTeamId");
        JsonNode created = Json.read(Http.expect(
                http.postJson(alerts.resolve("/api/v1/teams"), adminToken, Json.write(body)), 201).body());
        return new Team(created.path("id").asText(), created.path("token").asText());
    }

    static void deleteTeam(Http http, URI alerts, String adminToken, String teamId) throws Exception {
        http.delete(alerts.resolve("/api/v1/teams/" + teamId), adminToken);
    }
}
