package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.system.AccessTable.Caller;
import org.centinela.system.AccessTable.Expected;
import org.centinela.system.AccessTable.Row;
import org.centinela.testkit.Api;
import org.centinela.testkit.ForgedTokens;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 4: every endpoint of SPEC §9's access table × every kind of caller, against the three running
 * services, with an incident of one organisation whose alert went to one team and was escalated to another.
 */
class AuthorizationMatrixTest {

    private static RunningSystem system;
    private static Api api;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static final List<WebhookReceiver> RECEIVERS = new ArrayList<>();
    private static String incidentId;
    private static String alertId;

    @BeforeAll
    static void anIncidentAlertedToOneTeamAndEscalatedToAnother() throws Exception {
        system = RunningSystem.get();
        api = system.api();
        Api.Principal own = api.createOrganisation("Matriz propia " + UUID.randomUUID());
        UUID principal = UUID.randomUUID();
        TOKENS.put(Caller.ADMIN, Api.ADMIN);
        TOKENS.put(Caller.OWN_REPORTER, own.token());
        TOKENS.put(Caller.OTHER_REPORTER, api.createOrganisation("Matriz ajena " + UUID.randomUUID()).token());
        Api.CreatedTeam escalation = team("PE-TUM", "CRITICAL", 200, null);
        TOKENS.put(Caller.ESCALATION_RESPONDER, escalation.token());
        // The alerted team's receiver refuses with 400: not retried, so the alert is escalated at once.
        TOKENS.put(Caller.ALERTED_RESPONDER, team("PE-MDD", "HIGH", 400, escalation.id()).token());
        TOKENS.put(Caller.UNRELATED_RESPONDER, team("PE-TAC", "CRITICAL", 200, null).token());
        TOKENS.put(Caller.VIEWER, api.createViewer("Matriz " + UUID.randomUUID()).token());
        TOKENS.put(Caller.REVOKED, revokedToken());
        TOKENS.put(Caller.EXPIRED, ForgedTokens.expired(principal, "admin"));
        TOKENS.put(Caller.OTHER_KEY, ForgedTokens.otherKey(principal, "admin"));
        TOKENS.put(Caller.ALG_NONE, ForgedTokens.algNone(principal, "admin"));
        TOKENS.put(Caller.MALFORMED, ForgedTokens.malformed());

        incidentId = Api.as(own.token()).body(IncidentBody.of(LocalDate.of(2020, 3, 4), "PE-MDD", List.of("KILLING")))
                .post(system.intake.url("/api/v1/incidents")).then().statusCode(201).extract().path("id");
        alertId = await().atMost(Duration.ofSeconds(60)).until(() -> Api.asAdmin().get(system.alerts.url("/api/v1/alerts?size=100"))
                .jsonPath().<String>getList("items.findAll { it.incidentId == '" + incidentId + "' && it.status == 'ESCALATED' }.id")
                .stream().findFirst().orElse(null), id -> id != null);
        // intake learns of the escalation from the alerts topic
        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(escalation.token())
                .get(system.intake.url("/api/v1/incidents/" + incidentId)).statusCode() == 200);
    }

    private static Api.CreatedTeam team(String region, String minPriority, int answer, UUID escalationTeam) throws Exception {
        WebhookReceiver receiver = WebhookReceiver.start().answering(answer);
        RECEIVERS.add(receiver);
        Map<String, Object> body = Api.teamBody("Matriz " + region + " " + UUID.randomUUID(), "es", List.of(region),
                minPriority, null, receiver.url(), "secret-" + UUID.randomUUID());
        body.put("escalationTeamId", escalationTeam);
        return api.createTeam(body);
    }

    private static String revokedToken() {
        Api.Principal revoked = api.createOrganisation("Matriz revocada " + UUID.randomUUID());
        Api.asAdmin().delete(system.intake.url("/api/v1/organisations/" + revoked.id())).then().statusCode(204);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.as(revoked.token()).get(system.intake.url("/api/v1/incidents")).then().statusCode(401);
            Api.as(revoked.token()).get(system.alerts.url("/api/v1/alerts")).then().statusCode(401);
            Api.as(revoked.token()).get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(401);
        });
        return revoked.token();
    }

    @AfterAll
    static void stopReceivers() {
        RECEIVERS.forEach(WebhookReceiver::close);
    }

    @Test
    void aTokenMadeLikeTheServicesMakeThemIsAcceptedSoTheForgeriesDifferOnlyInWhatIsWrong() {
        Api.as(ForgedTokens.valid(UUID.randomUUID(), "viewer")).get(system.reporting.url("/api/v1/stats/summary"))
                .then().statusCode(200);
    }

    @Test
    void everyEndpointAnswersEveryCallerAsSpecNineSays() {
        List<Row> rows = AccessTable.rows();
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                Expected expected = row.expected().get(caller);
                Response response = send(row, caller, expected.status());
                String actual = response.statusCode() + (row.isList() && response.statusCode() == 200
                        ? (listed(row, response) ? " listed" : " not listed") : "");
                String wanted = expected.status() + (row.isList() && expected.status() == 200
                        ? (expected.listed() ? " listed" : " not listed") : "");
                if (!actual.equals(wanted)) {
                    mismatches.add(row + " as " + caller + ": expected " + wanted + ", got " + actual);
                }
            }
        }
        System.out.printf("authorization matrix: %d rows × %d callers = %d checks, %d mismatches%n", rows.size(),
                Caller.values().length, rows.size() * Caller.values().length, mismatches.size());
        assertEquals(List.of(), mismatches);
    }

    private static Response send(Row row, Caller caller, int expectedStatus) {
        RequestSpecification request = RestAssured.given().contentType(ContentType.JSON);
        if (caller != Caller.NONE) {
            request.header("Authorization", "Bearer " + TOKENS.get(caller));
        }
        ServiceProcess service = switch (row.service()) {
            case "intake" -> system.intake;
            case "alerts" -> system.alerts;
            default -> system.reporting;
        };
        // Only a caller who may delete gets a resource of its own to delete; the others try an unknown one.
        String fresh = expectedStatus == 204 ? fresh(row.path()) : UUID.randomUUID().toString();
        String path = row.path().replace("{incident}", incidentId).replace("{alert}", alertId).replace("{fresh}", fresh);
        String url = service.url(path) + (row.isList() ? "?size=100" : "");
        Object body = body(row);
        if (body != null) {
            request.body(body);
        }
        return request.request(row.method(), url);
    }

    private static Object body(Row row) {
        if (!"POST".equals(row.method())) {
            return null;
        }
        String name = "Matriz " + UUID.randomUUID();
        return switch (row.path()) {
            case "/api/v1/organisations" -> Map.of("name", name, "acronym", "MTZ");
            case "/api/v1/teams" -> Api.teamBody(name, "es", List.of("PE-TAC"), "CRITICAL", "matriz@brigada.test", null, null);
            case "/api/v1/viewers" -> Map.of("name", name);
            case "/api/v1/incidents" -> IncidentBody.of(LocalDate.of(2020, 3, 5), "PE-LIM", List.of("HARASSMENT"));
            case "/api/v1/incidents/{incident}/updates" -> Map.of("note", "Revisado por la matriz de acceso.");
            default -> null;
        };
    }

    /** A new organisation, team or viewer to delete. */
    private static String fresh(String path) {
        if (path.startsWith("/api/v1/organisations")) {
            return api.createOrganisation("Matriz borrada " + UUID.randomUUID()).id().toString();
        }
        if (path.startsWith("/api/v1/teams")) {
            return api.createTeam(Api.teamBody("Matriz borrada " + UUID.randomUUID(), "es", List.of("PE-TAC"), "CRITICAL",
                    "borrada@brigada.test", null, null)).id().toString();
        }
        return api.createViewer("Matriz borrada " + UUID.randomUUID()).id().toString();
    }

    private static boolean listed(Row row, Response response) {
        String wanted = row.path().endsWith("/incidents") ? incidentId : alertId;
        return response.jsonPath().getList("items.id", String.class).contains(wanted);
    }
}
