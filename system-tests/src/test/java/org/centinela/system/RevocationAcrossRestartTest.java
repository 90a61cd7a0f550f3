package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every service is restarted while Kafka cannot be reached: a deleted organisation's token stays refused from the
 * first request each service answers, because each keeps what it learnt of revocations in its own database.
 */
class RevocationAcrossRestartTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<ServiceProcess, String> PROTECTED = new LinkedHashMap<>();

    private static OwnSystem system;

    @BeforeAll
    static void start() throws Exception {
        system = OwnSystem.onTestBroker("revocation-restart", 2);
        PROTECTED.put(system.intake, "/api/v1/incidents");
        PROTECTED.put(system.alerts, "/api/v1/alerts");
        PROTECTED.put(system.reporting, "/api/v1/stats/summary");
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aDeletedOrganisationsTokenIsRefusedByEveryServiceFromItsFirstAnswerAfterARestartWithKafkaUnreachable()
            throws Exception {
        Api.Principal organisation = system.api().createOrganisation("Organización Disuelta");
        assertEquals(403, status(system.alerts, "/api/v1/alerts", organisation.token()), "recognised before its deletion");
        Api.asAdmin().delete(system.intake.url("/api/v1/organisations/" + organisation.id())).then().statusCode(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> PROTECTED.entrySet().stream()
                .allMatch(entry -> status(entry.getKey(), entry.getValue(), organisation.token()) == 401));

        for (ServiceProcess service : system.services()) {
            service.stop();
        }
        system.kafkaAt("127.0.0.1:" + ServiceProcess.freePort()); // nothing listens there
        for (ServiceProcess service : system.services()) {
            system.start(service);
        }

        for (Map.Entry<ServiceProcess, String> entry : PROTECTED.entrySet()) {
            int first = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                    .until(() -> status(entry.getKey(), entry.getValue(), organisation.token()), answered -> answered != -1);
            assertEquals(401, first, entry.getKey().name + "'s first answer to the revoked token");
        }
    }

    /** The status of GET {@code path} with this bearer token; -1 while nothing answers. */
    private static int status(ServiceProcess service, String path, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path)))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
