package org.centinela.intake.outbox;

import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.centinela.intake.QuietInstanceProfile;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.Test;

/** An instance that runs no relay wakes the other instances' relays: each commit that wrote outbox rows NOTIFYs once. */
@QuarkusTest
@TestProfile(QuietInstanceProfile.class)
class NotifyWithoutRelayTest {

    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReportInAnInstanceWithoutARelayNotifiesTheOtherInstancesOnce() throws Exception {
        Api.Principal org = API.createOrganisation("Notify without relay " + marker());
        try (CommitNotifications notifications = new CommitNotifications(dataSource)) {
            as(org.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                    .post("/api/v1/incidents").then().statusCode(201);

            assertEquals(1, notifications.sinceListening().size());
        }
    }
}
