package org.centinela.intake;

import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(QuietInstanceProfile.class)
class RateLimitTest {

    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOrganisationOverItsLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        Api.Principal busy = API.createOrganisation("Busy " + marker());
        Database db = new Database(dataSource);
        long incidentsBefore = db.count("incident");
        int accepted = 0;
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> limited = null;
        // The bucket refills while the loop runs, so the 429 comes at or after the limit, not exactly at it.
        for (int i = 0; i < 4 * QuietInstanceProfile.REQUESTS_PER_MINUTE && limited == null; i++) {
            var answer = as(busy.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                    .post("/api/v1/incidents").then().extract();
            if (answer.statusCode() == 201) {
                accepted++;
            } else {
                limited = answer;
            }
        }
        assertTrue(limited != null, "no 429 after " + accepted + " requests");
        assertTrue(accepted >= QuietInstanceProfile.REQUESTS_PER_MINUTE, "limited after only " + accepted);
        assertEquals(429, limited.statusCode());
        assertEquals("application/problem+json", limited.contentType());
        assertEquals(429, (int) limited.path("status"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1);
        assertEquals(incidentsBefore + accepted, db.count("incident"), "the refused request wrote nothing");

        Api.Principal calm = API.createOrganisation("Calm " + marker());
        as(calm.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                .post("/api/v1/incidents").then().statusCode(201);
    }
}
