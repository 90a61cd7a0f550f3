package org.centinela.reporting.attack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks that combine different questions: a union of regions against one of them, single regions against all,
 * the time series' periods against the summary's months, and a member organisation subtracting the incidents it
 * reported itself. Each must leave the planted values undetermined: the true value and the value without the
 * planted incident both stay possible.
 */
@QuarkusTest
class CombinationAttackTest {

    static final String JULY_2012 = "from=2012-07-01&to=2012-07-31";
    static final List<String> PE_TUM_KEYS = List.of("byViolation.KILLING", "byPerpetrator.ILLEGAL_ECONOMY_GROUP",
            "bySector.LAND_AND_TERRITORY", "incidents");

    Attacker attacker;

    @BeforeEach
    void plant() {
        Planted.publishOnce();
        if (attacker == null) {
            attacker = new Attacker(Planted.viewerToken());
        }
    }

    @Test
    void aUnionOfRegionsAgainstOneOfThemDoesNotIsolatePeTumsLoneIncident() {
        JsonPath lima = attacker.summary(JULY_2012 + "&region=PE-LIM");
        JsonPath union = attacker.summary(JULY_2012 + "&region=PE-LIM&region=PE-TUM");
        if (union != null) {
            for (String key : PE_TUM_KEYS) {
                undetermined("PE-LIM against PE-LIM+PE-TUM", key,
                        Attacker.cell(union, key).minus(Attacker.cell(lima, key)).atLeast(0), truth(JULY_2012 + "&region=PE-TUM", key));
            }
        }
        JsonPath all = attacker.summary(JULY_2012);
        JsonPath tumbes = attacker.summary(JULY_2012 + "&region=PE-TUM");
        for (String key : PE_TUM_KEYS) {
            long truth = truth(JULY_2012 + "&region=PE-TUM", key);
            undetermined("region=PE-TUM alone", key, Attacker.cell(tumbes, key), truth);
            Interval rest = Attacker.cell(all, key).minus(Attacker.cell(lima, key)).atLeast(0);
            if (!key.equals("incidents")) {
                undetermined("all regions against PE-LIM", key, rest, truth);
            }
        }
    }

    @Test
    void theTimeSeriesPeriodsAgainstTheSummaryMonthsDoNotGiveTheTargetsMonth() {
        String pun2011 = "from=2011-01-01&to=2011-12-31&region=PE-PUN";
        JsonPath summary = attacker.summary(pun2011);
        JsonPath series = attacker.ask("/api/v1/stats/timeseries?interval=month&groupBy=violation&" + pun2011);
        Interval others = Interval.exactly(0);
        for (int month = 1; month <= 12; month++) {
            if (month == 3) {
                continue;
            }
            String period = String.format("2011-%02d", month);
            Interval known = Attacker.cell(summary, "byMonth.'" + period + "'")
                    .intersect(Attacker.of(series.get("series[" + (month - 1) + "].incidents")));
            others = others.plus(known);
        }
        Interval march = Attacker.cell(summary, "incidents").minus(others).atLeast(0)
                .intersect(Attacker.cell(summary, "byMonth.'2011-03'"))
                .intersect(Attacker.of(series.get("series[2].incidents")));
        undetermined("summary total − months, months from summary and time series", "PE-PUN incidents in 2011-03",
                march, truth(pun2011, "byMonth.'2011-03'"));
        Interval disappearances = Attacker.of(series.get("series[2].counts.ENFORCED_DISAPPEARANCE"));
        undetermined("time series cell", "PE-PUN ENFORCED_DISAPPEARANCE in 2011-03", disappearances,
                truth("from=2011-03-01&to=2011-03-31&region=PE-PUN", "byViolation.ENFORCED_DISAPPEARANCE"));
    }

    @Test
    void aMemberOrganisationSubtractingItsOwnIncidentsCannotTellWhetherAnotherReportedAKilling() {
        String may = "from=2012-05-01&to=2012-05-31&region=PE-CUS";
        JsonPath shown = attacker.summary(may);
        Interval own = Interval.exactly(Planted.MEMBER_KILLINGS_IN_PE_CUS_MAY_2012);
        for (String key : List.of("byViolation.KILLING", "incidents", "byPerpetrator.POLICE", "bySector.INDIGENOUS_PEOPLES")) {
            undetermined("member subtracting its own", key + " of other organisations",
                    Attacker.cell(shown, key).minus(own).atLeast(0), truth(may, key) - own.lo());
        }
    }

    private static void undetermined(String attack, String what, Interval inferred, long truth) {
        Attacker.report(attack, what, inferred, truth);
        assertTrue(inferred.contains(truth) && inferred.contains(truth - 1), attack + ": " + what + " is " + inferred);
    }

    private static long truth(String query, String key) {
        return ((Number) given().auth().oauth2(Planted.ADMIN).get("/api/v1/stats/summary?exact=true&" + query)
                .then().statusCode(200).extract().path(key)).longValue();
    }
}
