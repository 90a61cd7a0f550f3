package org.centinela.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The public API calls the demo makes (SPEC §3–§6), as a coordinator, a member organisation and a dashboard. */
public final class CentinelaApi {

    public record Endpoints(URI intake, URI alerts, URI reporting) {
    }

    /** A principal the demo created: its id and the token shown once on creation. */
    public record Principal(String id, String token) {
    }

    public record Listed(String id, int revision) {
    }

    public record Page(List<Listed> items, long total) {
    }

    private final Endpoints endpoints;
    private final String adminToken;
    private final Http http = new Http();

    public CentinelaApi(Endpoints endpoints, String adminToken) {
        this.endpoints = endpoints;
        this.adminToken = adminToken;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /**
     * Waits until the three services answer ready (after bin/centinela start they are; a compose stack may take a
     * minute). Returns the services that still answer not ready at the deadline, for the caller to warn about: their
     * APIs work while, say, a consumer loop is down. Fails when a service does not answer at all.
     */
    public List<String> awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> notReady = new ArrayList<>();
        for (URI service : List.of(endpoints.intake(), endpoints.alerts(), endpoints.reporting())) {
            URI ready = service.resolve("/q/health/ready");
            while (true) {
                Http.Answer answer = http.probe(ready);
                if (answer != null && answer.status() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    if (answer == null) {
                        throw new ApiException(service + " does not answer: is the system running (bin/centinela start)?",
                                RetryPolicy.NO_ANSWER);
                    }
                    notReady.add(service + " answers " + answer.status() + " on /q/health/ready: " + Http.abbreviate(
                            answer.body().toString()));
                    break;
                }
                Thread.sleep(500);
            }
        }
        return notReady;
    }

    public Principal createOrganisation(String name, String acronym) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name).put("acronym", acronym);
        return principal(expect("POST", endpoints.intake().resolve("/api/v1/organisations"), adminToken, body, null, 201));
    }

    public Principal createTeam(ObjectNode body) {
        return principal(expect("POST", endpoints.alerts().resolve("/api/v1/teams"), adminToken, body, null, 201));
    }

    /** The team as alerts-service shows it (never its secrets), or empty when it no longer exists. */
    public Optional<JsonNode> team(String id) {
        URI uri = endpoints.alerts().resolve("/api/v1/teams/" + encode(id));
        Http.Answer answer = http.send("GET", uri, adminToken, null, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(check("GET", uri, answer, Set.of(200)));
    }

    public void replaceTeam(String id, ObjectNode body) {
        expect("PUT", endpoints.alerts().resolve("/api/v1/teams/" + encode(id)), adminToken, body, null, 200);
    }

    public Principal createViewer(String name) {
        ObjectNode body = Http.JSON.createObjectNode().put("name", name);
        return principal(expect("POST", endpoints.reporting().resolve("/api/v1/viewers"), adminToken, body, null, 201));
    }

    /** Whether a reporter token kept in the demo's state is still accepted (its organisation exists, same keys). */
    public boolean reporterTokenWorks(String token) {
        return http.send("GET", endpoints.intake().resolve("/api/v1/incidents?size=1"), token, null, null).status() == 200;
    }

    public boolean viewerTokenWorks(String token) {
        return http.send("GET", endpoints.reporting().resolve("/api/v1/stats/summary"), token, null, null).status() == 200;
    }

    /**
     * Reports an incident; with the same key and body again, intake answers the first answer again and records
     * nothing (SPEC §4). Returns the incident's id.
     */
    public String report(String reporterToken, String idempotencyKey, JsonNode body) {
        URI uri = endpoints.intake().resolve("/api/v1/incidents");
        Http.Answer answer = http.send("POST", uri, reporterToken, body, idempotencyKey);
        if (answer.status() == 422) {
            throw new ApiException("intake refused Idempotency-Key " + idempotencyKey + " with another body (422): the "
                    + "demo organisation already holds another dataset under this seed. Use another --seed, or remove "
                    + "the demo's state file to start a new demo organisation.", 422);
        }
        return check("POST", uri, answer, Set.of(201, 200)).path("id").asText();
    }

    /** How many incidents the organisation of {@code reporterToken} has. */
    public long count(String reporterToken) {
        return incidents(reporterToken, 0, 1).total();
    }

    public Page incidents(String reporterToken, int page, int size) {
        URI uri = endpoints.intake().resolve("/api/v1/incidents?page=" + page + "&size=" + size);
        JsonNode answer = expect("GET", uri, reporterToken, null, null, 200);
        List<Listed> items = new ArrayList<>();
        answer.path("items").forEach(item -> items.add(new Listed(item.path("id").asText(), item.path("revision").asInt())));
        return new Page(items, answer.path("total").asLong());
    }

    public void update(String reporterToken, String incidentId, ObjectNode body) {
        expect("POST", endpoints.intake().resolve("/api/v1/incidents/" + encode(incidentId) + "/updates"), reporterToken,
                body, null, 200);
    }

    /** How many 429 answers were waited out so far. */
    public long rateLimited() {
        return http.rateLimited();
    }

    private JsonNode expect(String method, URI uri, String token, JsonNode body, String idempotencyKey, int status) {
        return check(method, uri, http.send(method, uri, token, body, idempotencyKey), Set.of(status));
    }

    private static JsonNode check(String method, URI uri, Http.Answer answer, Set<Integer> expected) {
        if (!expected.contains(answer.status())) {
            throw new ApiException(method + " " + uri + " → " + answer.status() + " (expected " + expected + "): "
                    + Http.abbreviate(answer.body().toString()), answer.status());
        }
        return answer.body();
    }

    private static Principal principal(JsonNode created) {
        return new Principal(created.path("id").asText(), created.path("token").asText());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }
}
