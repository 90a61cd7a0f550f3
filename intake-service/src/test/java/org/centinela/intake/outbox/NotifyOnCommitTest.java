package org.centinela.intake.outbox;

import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.Test;

/**
 * An instance whose relay runs publishes its own rows, woken after each commit: its commits send no NOTIFY, which
 * would make PostgreSQL let them through one at a time (the notify lock is held through the commit's WAL flush).
 */
@QuarkusTest
class NotifyOnCommitTest {

    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReportInAnInstanceWhoseRelayRunsCommitsWithoutNotifyingOtherInstances() throws Exception {
        Api.Principal org = API.createOrganisation("Notify " + marker());
        try (CommitNotifications notifications = new CommitNotifications(dataSource)) {
            as(org.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                    .post("/api/v1/incidents").then().statusCode(201);

            assertEquals(0, notifications.sinceListening().size());
        }
    }
}
