package org.centinela.reporting.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.centinela.testkit.TestEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every stats request does bounded work (issue 9) and viewers ask only the coarse questions that disclosure
 * control allows (issue 10): dates within 1990-01-01..today, whole months, one value per filter, a capped number
 * of time-series cells. Each refusal is a problem+json 400 naming the parameter, before any figure is read.
 */
@QuarkusTest
class StatsQueryBoundsTest {

    static final String ADMIN = TestEnvironment.adminToken();
    String viewer;

    @BeforeEach
    void viewer() {
        if (viewer == null) {
            viewer = given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Bounds\"}")
                    .post("/api/v1/viewers").then().statusCode(201).extract().path("token");
        }
    }

    private static void refused(String token, String pathAndQuery, String field) {
        given().auth().oauth2(token).get(pathAndQuery).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void theHugeTimeSeriesOfIssue9IsRefusedNamingTheDates() {
        String query = "/api/v1/stats/timeseries?interval=month&groupBy=violation&from=1000-01-01&to=9999-12-31";
        refused(viewer, query, "from");
        refused(viewer, query, "to");
        refused(ADMIN, query + "&exact=true", "from");
        refused(ADMIN, "/api/v1/stats/summary?exact=true&to=%2B5000000-12-31", "to");
        refused(viewer, "/api/v1/stats/export.csv?from=0001-01-01", "from");
        refused(viewer, "/api/v1/stats/alerts?from=1989-12-01", "from");
    }

    @Test
    void aDateAfterTodayIsRefusedAndTodayIsAccepted() {
        LocalDate today = LocalDate.now();
        refused(ADMIN, "/api/v1/stats/summary?exact=true&to=" + today.plusDays(2), "to");
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?from=1990-01-01&to=" + today).then().statusCode(200);
    }

    @Test
    void viewersAskForWholeMonthsWhileAdminsAskingExactFiguresMayAskForAnyDay() {
        refused(viewer, "/api/v1/stats/summary?from=2011-03-15", "from");
        refused(viewer, "/api/v1/stats/summary?from=1990-01-01&to=2011-03-14", "to");
        refused(viewer, "/api/v1/stats/timeseries?interval=year&groupBy=region&to=2011-02-27", "to");
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?from=2011-03-01&to=2011-03-31").then().statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?from=2012-02-01&to=2012-02-29").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/summary?from=2011-03-15&to=2011-03-14").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/summary?exact=true&from=2011-03-15&to=2011-03-15")
                .then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/summary?from=2011-03-15").then().statusCode(400)
                .body("errors.message", hasItem(containsString("first day of a month")));
    }

    @Test
    void viewersGiveEachFilterOnceSoUnionsOfRegionsCannotBeDifferenced() {
        refused(viewer, "/api/v1/stats/summary?region=PE-LIM&region=PE-TUM", "region");
        refused(viewer, "/api/v1/stats/summary?violation=KILLING&violation=ABDUCTION", "violation");
        refused(viewer, "/api/v1/stats/timeseries?interval=year&groupBy=region&sector=LAWYER&sector=JOURNALIST", "sector");
        refused(viewer, "/api/v1/stats/export.csv?perpetratorKind=STATE&perpetratorKind=UNKNOWN", "perpetratorKind");
        refused(viewer, "/api/v1/stats/alerts?region=PE-LIM&region=PE-TUM", "region");
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?region=PE-LIM&violation=KILLING").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/summary?exact=true&region=PE-LIM&region=PE-TUM")
                .then().statusCode(200);
    }

    @Test
    void aTimeSeriesOfMoreCellsThanTheCapIsRefusedNamingTheCap() {
        // All time by month and region: 26 regions + the total, for every month since 1990.
        given().auth().oauth2(ADMIN).get("/api/v1/stats/timeseries?exact=true&interval=month&groupBy=region")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("interval"))
                .body("errors.message", hasItem(containsString("10000 cells")));
        given().auth().oauth2(ADMIN).get("/api/v1/stats/timeseries?exact=true&interval=year&groupBy=region")
                .then().statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/stats/timeseries?interval=month&groupBy=violation&from=2000-01-01"
                + "&to=2010-12-31").then().statusCode(200);
    }
}
