package org.centinela.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A token issued by any service is accepted by all three, and a revoked one is refused by all three within 60 s. */
class CredentialsAcrossServicesTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
    }

    @Test
    void tokensIssuedByEachServiceAreAcceptedByTheOthers() {
        String reporter = system.api().createOrganisation("Red de Defensores").token();
        String viewer = Api.asAdmin().body(Map.of("name", "Panel de la coordinadora"))
                .post(system.reporting.url("/api/v1/viewers")).then().statusCode(201).extract().path("token");
        String responder = Api.asAdmin().body(Map.of(
                        "name", "Equipo Loreto", "language", "en", "regions", List.of("PE-LOR"), "minPriority", "CRITICAL",
                        "channels", List.of(Map.of("type", "EMAIL", "address", "equipo@example.org")),
                        "escalateAfterMinutes", 15))
                .post(system.alerts.url("/api/v1/teams")).then().statusCode(201).extract().path("token");

        for (String token : List.of(reporter, viewer, responder)) {
            Api.as(token).get(system.intake.url("/api/v1/vocabularies")).then().statusCode(200);
        }
        // Recognised (403 for the role, not 401) by the services that did not issue them:
        Api.as(reporter).get(system.alerts.url("/api/v1/alerts")).then().statusCode(403);
        Api.as(reporter).get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(403);
        Api.as(viewer).get(system.alerts.url("/api/v1/alerts")).then().statusCode(403);
        Api.as(viewer).get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(200);
        Api.as(responder).get(system.alerts.url("/api/v1/alerts")).then().statusCode(200);
        Api.as(responder).get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(403);
    }

    @Test
    void aDeletedOrganisationsTokenIsRefusedByEveryServiceWithinSixtySeconds() {
        Api.Principal organisation = system.api().createOrganisation("Organización Revocada");
        String token = organisation.token();
        Api.as(token).get(system.alerts.url("/api/v1/alerts")).then().statusCode(403);

        Api.asAdmin().delete(system.intake.url("/api/v1/organisations/" + organisation.id())).then().statusCode(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Api.as(token).get(system.intake.url("/api/v1/incidents")).then().statusCode(401);
            Api.as(token).get(system.alerts.url("/api/v1/alerts")).then().statusCode(401);
            Api.as(token).get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(401);
        });
    }
}
