package org.centinela.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.centinela.testkit.Api;
import org.centinela.testkit.ForgedTokens;
import org.centinela.testkit.IncidentBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC §9's access table, every endpoint of the three services against every kind of caller — the four roles in each
 * relation to the data (own and another's organisation; the alerted team, its escalation team, an unrelated team)
 * and the tokens an attacker would try — against the running services, with the status each must get. Failures are
 * collected and printed as one table, so a run shows every mismatch at once.
 */
class AuthorizationMatrixTest {

    enum Caller {
        ADMIN, REPORTER_OWN, REPORTER_OTHER, RESPONDER_ALERTED, RESPONDER_ESCALATION, RESPONDER_UNRELATED, VIEWER,
        REPORTER_OWN_TOKEN_WRITTEN_HERE, REVOKED, EXPIRED, ANOTHER_KEY, ALG_NONE, MALFORMED, NO_TOKEN
    }

    record Row(String endpoint, Function<RequestSpecification, Response> call, Map<Caller, Integer> expected) {
    }

    private static RunningSystem system;
    private static Api api;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static String incidentId;
    private static String alertId;
    private static UUID alertedTeam;

    @BeforeAll
    static void planIncidentAlertAndCallers() throws Exception {
        system = RunningSystem.get();
        api = system.api();
        Api.Principal own = api.createOrganisation("Red de Defensoras de Ayacucho " + UUID.randomUUID());
        Api.CreatedTeam escalation = api.createTeam(Api.teamBody("Coordinación nacional " + UUID.randomUUID(), "es",
                List.of("PE-HUV"), "HIGH", "coordinacion@example.org", null, null));
        Map<String, Object> alertedBody = Api.teamBody("Brigada Ayacucho " + UUID.randomUUID(), "es", List.of("PE-AYA"),
                "HIGH", "brigada@example.org", null, null);
        alertedBody.put("escalationTeamId", escalation.id().toString());
        Api.CreatedTeam alerted = api.createTeam(alertedBody);
        alertedTeam = alerted.id();
        Api.Principal revoked = api.createOrganisation("Organización disuelta " + UUID.randomUUID());

        TOKENS.put(Caller.ADMIN, Api.ADMIN);
        TOKENS.put(Caller.REPORTER_OWN, own.token());
        TOKENS.put(Caller.REPORTER_OTHER, api.createOrganisation("Otra organización " + UUID.randomUUID()).token());
        TOKENS.put(Caller.RESPONDER_ALERTED, alerted.token());
        TOKENS.put(Caller.RESPONDER_ESCALATION, escalation.token());
        TOKENS.put(Caller.RESPONDER_UNRELATED, api.createTeam("PE-MDD", "es", "HIGH", "madre@example.org", null).token());
        TOKENS.put(Caller.VIEWER, api.createViewer("Observatorio " + UUID.randomUUID()).token());
        TOKENS.put(Caller.REPORTER_OWN_TOKEN_WRITTEN_HERE, ForgedTokens.valid(own.id(), "reporter"));
        TOKENS.put(Caller.REVOKED, revoked.token());
        TOKENS.put(Caller.EXPIRED, ForgedTokens.expired(own.id(), "reporter"));
        TOKENS.put(Caller.ANOTHER_KEY, ForgedTokens.signedWithAnotherKey(own.id(), "reporter"));
        TOKENS.put(Caller.ALG_NONE, ForgedTokens.unsigned(own.id(), "admin"));
        TOKENS.put(Caller.MALFORMED, ForgedTokens.malformed());

        incidentId = Api.as(own.token()).body(IncidentBody.of(LocalDate.now().minusDays(1), "PE-AYA", List.of("KILLING")))
                .post(api.intake("/api/v1/incidents")).then().statusCode(201).extract().path("id");
        alertId = await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(alerted.token())
                .get(api.alerts("/api/v1/alerts")).then().statusCode(200).extract().jsonPath()
                .<String>getList("items.findAll { it.incidentId == '" + incidentId + "' }.id"), ids -> ids.size() == 1).get(0);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.as(alerted.token())
                .get(api.intake("/api/v1/incidents/" + incidentId)).then().statusCode(200));

        Api.asAdmin().delete(api.intake("/api/v1/organisations/" + revoked.id())).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.as(revoked.token()).get(api.alerts("/api/v1/alerts")).then().statusCode(401);
            Api.as(revoked.token()).get(api.reporting("/api/v1/stats/summary")).then().statusCode(401);
        });
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheAccessTableSays() {
        List<Row> rows = rows();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                int expected = row.expected().get(caller);
                int actual = row.call().apply(request(caller)).statusCode();
                checked++;
                if (actual != expected) {
                    mismatches.add(String.format("%-48s %-32s expected %d, got %d", row.endpoint(), caller, expected, actual));
                }
            }
        }
        System.out.printf("authorization matrix: %d endpoints x %d callers = %d checks, %d mismatches%n",
                rows.size(), Caller.values().length, checked, mismatches.size());
        mismatches.forEach(System.out::println);
        assertEquals(List.of(), mismatches);
        awaitRebuildDone();
    }

    private static List<Row> rows() {
        String incident = "/api/v1/incidents/" + incidentId;
        String alert = "/api/v1/alerts/" + alertId;
        return List.of(
                row("GET intake /api/v1/vocabularies", r -> r.get(api.intake("/api/v1/vocabularies")), all(200)),
                row("POST intake /api/v1/organisations", r -> r.body(organisation()).post(api.intake("/api/v1/organisations")), admin(201)),
                row("GET intake /api/v1/organisations", r -> r.get(api.intake("/api/v1/organisations")), admin(200)),
                row("DELETE intake /api/v1/organisations/{id}", r -> r.delete(api.intake("/api/v1/organisations/" + freshOrganisation())), admin(204)),
                row("POST intake /api/v1/incidents", r -> r.body(normalIncident()).post(api.intake("/api/v1/incidents")),
                        expect(403, 201, 201, 403, 403, 403, 403)),
                row("GET intake /api/v1/incidents", r -> r.get(api.intake("/api/v1/incidents")), expect(200, 200, 200, 200, 200, 200, 403)),
                // "Alerted" (SPEC §9) includes the escalation team once the alert is escalated to it (alert.escalated
                // grants it at intake); before that it has no need to know the victims' names.
                row("GET intake /api/v1/incidents/{id}", r -> r.get(api.intake(incident)), expect(200, 200, 404, 200, 404, 404, 403)),
                row("POST intake /api/v1/incidents/{id}/updates", r -> r.body(Map.of("justiceStatus", "COMPLAINT_FILED"))
                        .post(api.intake(incident + "/updates")), expect(200, 200, 404, 403, 403, 403, 403)),
                row("GET intake /api/v1/incidents/{id}/audit", r -> r.get(api.intake(incident + "/audit")),
                        expect(200, 200, 404, 403, 403, 403, 403)),
                row("GET intake /api/v1/admin/reencrypt", r -> r.get(api.intake("/api/v1/admin/reencrypt")), admin(200)),
                row("POST alerts /api/v1/teams", r -> r.body(team()).post(api.alerts("/api/v1/teams")), admin(201)),
                row("GET alerts /api/v1/teams", r -> r.get(api.alerts("/api/v1/teams")), admin(200)),
                row("GET alerts /api/v1/teams/{id}", r -> r.get(api.alerts("/api/v1/teams/" + alertedTeam)), admin(200)),
                row("PUT alerts /api/v1/teams/{id}", r -> r.body(team()).put(api.alerts("/api/v1/teams/" + freshTeam())), admin(200)),
                row("DELETE alerts /api/v1/teams/{id}", r -> r.delete(api.alerts("/api/v1/teams/" + freshTeam())), admin(204)),
                row("GET alerts /api/v1/admin/reencrypt", r -> r.get(api.alerts("/api/v1/admin/reencrypt")), admin(200)),
                row("GET alerts /api/v1/alerts", r -> r.get(api.alerts("/api/v1/alerts")), expect(200, 403, 403, 200, 200, 200, 403)),
                // The escalation team sees the alert once it is escalated to it; this one is not.
                row("GET alerts /api/v1/alerts/{id}", r -> r.get(api.alerts(alert)), expect(200, 403, 403, 200, 404, 404, 403)),
                row("POST alerts /api/v1/alerts/{id}/acknowledge", r -> r.post(api.alerts(alert + "/acknowledge")),
                        expect(200, 403, 403, 200, 404, 404, 403)),
                row("POST reporting /api/v1/viewers", r -> r.body(Map.of("name", "Panel " + UUID.randomUUID()))
                        .post(api.reporting("/api/v1/viewers")), admin(201)),
                row("DELETE reporting /api/v1/viewers/{id}", r -> r.delete(api.reporting("/api/v1/viewers/" + freshViewer())), admin(204)),
                row("GET reporting /api/v1/stats/summary", r -> r.get(api.reporting("/api/v1/stats/summary")), statistics()),
                row("GET reporting /api/v1/stats/timeseries", r -> r.queryParam("interval", "year").queryParam("groupBy", "region")
                        .get(api.reporting("/api/v1/stats/timeseries")), statistics()),
                row("GET reporting /api/v1/stats/alerts", r -> r.get(api.reporting("/api/v1/stats/alerts")), statistics()),
                row("GET reporting /api/v1/stats/export.csv", r -> r.get(api.reporting("/api/v1/stats/export.csv")), statistics()),
                row("GET reporting /api/v1/admin/rebuild", r -> r.get(api.reporting("/api/v1/admin/rebuild")), admin(200)),
                row("POST reporting /api/v1/admin/rebuild", r -> r.post(api.reporting("/api/v1/admin/rebuild")), admin(202)));
    }

    private static Row row(String endpoint, Function<RequestSpecification, Response> call, Map<Caller, Integer> expected) {
        return new Row(endpoint, call, expected);
    }

    /** The statuses of the seven genuine callers in {@link Caller} order; every forged, revoked or missing token → 401. */
    private static Map<Caller, Integer> expect(int admin, int reporterOwn, int reporterOther, int alerted, int escalation,
                                               int unrelated, int viewer) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        int[] genuine = {admin, reporterOwn, reporterOther, alerted, escalation, unrelated, viewer};
        for (Caller caller : Caller.values()) {
            expected.put(caller, caller.ordinal() < genuine.length ? genuine[caller.ordinal()] : 401);
        }
        expected.put(Caller.REPORTER_OWN_TOKEN_WRITTEN_HERE, reporterOwn);
        return expected;
    }

    private static Map<Caller, Integer> all(int status) {
        return expect(status, status, status, status, status, status, status);
    }

    private static Map<Caller, Integer> admin(int status) {
        return expect(status, 403, 403, 403, 403, 403, 403);
    }

    private static Map<Caller, Integer> statistics() {
        return expect(200, 403, 403, 403, 403, 403, 200);
    }

    private static RequestSpecification request(Caller caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        String token = TOKENS.get(caller);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Map<String, Object> organisation() {
        return Map.of("name", "Colectivo " + UUID.randomUUID(), "acronym", "COL");
    }

    private static Map<String, Object> team() {
        return Api.teamBody("Equipo " + UUID.randomUUID(), "en", List.of("PE-TAC"), "HIGH", "equipo@example.org", null, null);
    }

    private static Map<String, Object> normalIncident() {
        Map<String, Object> body = new HashMap<>(IncidentBody.of(LocalDate.now().minusDays(2), "PE-TAC", List.of("DEFAMATION")));
        body.put("riskOngoing", false);
        return body;
    }

    private static UUID freshOrganisation() {
        return api.createOrganisation("Efímera " + UUID.randomUUID()).id();
    }

    private static UUID freshTeam() {
        return api.createTeam(team()).id();
    }

    private static UUID freshViewer() {
        return api.createViewer("Efímero " + UUID.randomUUID()).id();
    }

    /** The admin's POST started a rebuild; the tests after this one get the figures it serves when done. */
    private static void awaitRebuildDone() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> Api.asAdmin().get(api.reporting("/api/v1/admin/rebuild"))
                .then().statusCode(200).body("state", equalTo("DONE")));
    }
}
