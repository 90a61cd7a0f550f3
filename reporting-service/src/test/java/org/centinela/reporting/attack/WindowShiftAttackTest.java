package org.centinela.reporting.attack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window-shift attacks on the planted target of issue 10 (2011-03-15, PE-PUN, ENFORCED_DISAPPEARANCE by
 * ARMED_FORCES, a woman defender of LGBTI_RIGHTS): two windows that differ by the target's day (or, where only whole
 * months may be asked, its month), at either end, through the summary, the CSV, and averaged over many windows.
 * Each attack must leave the target's keys undetermined: the difference may be its true value as well as that
 * value less the target (the world without it).
 */
@QuarkusTest
class WindowShiftAttackTest {

    static final List<String> TARGET_KEYS = List.of("byViolation.ENFORCED_DISAPPEARANCE", "bySector.LGBTI_RIGHTS",
            "byPerpetrator.ARMED_FORCES", "womenDefendersAffected");

    Attacker attacker;

    @BeforeEach
    void plant() {
        Planted.publishOnce();
        if (attacker == null) {
            attacker = new Attacker(Planted.viewerToken());
        }
    }

    @Test
    void oneDayAndOneMonthShiftsAtTheEndOfTheWindowLeaveTheTargetsKeysUndetermined() {
        for (String region : List.of("", "&region=PE-PUN")) {
            shift("end, one day" + region, "from=1990-01-01&to=2011-03-14" + region, "from=1990-01-01&to=2011-03-15" + region);
            shift("end, one month" + region, "from=1990-01-01&to=2011-02-28" + region, "from=1990-01-01&to=2011-03-31" + region);
        }
    }

    @Test
    void oneDayAndOneMonthShiftsAtTheStartOfTheWindowLeaveTheTargetsKeysUndetermined() {
        for (String region : List.of("", "&region=PE-PUN")) {
            shift("start, one day" + region, "from=2011-03-16&to=2012-12-31" + region, "from=2011-03-15&to=2012-12-31" + region);
            shift("start, one month" + region, "from=2011-04-01&to=2012-12-31" + region, "from=2011-03-01&to=2012-12-31" + region);
        }
    }

    @Test
    void theCsvSaysWhatTheSummarySaysSoMixingThemInAShiftTeachesNothingMore() {
        Map<String, Object> csv = attacker.csv("from=1990-01-01&to=2011-03-31&region=PE-PUN");
        JsonPath summary = attacker.summary("from=1990-01-01&to=2011-03-31&region=PE-PUN");
        for (String key : TARGET_KEYS.subList(0, 3)) {
            assertEquals(summary.get(key) == null ? null : ((Number) summary.get(key)).longValue(), csv.get(key), key);
        }
        for (String[] pair : new String[][] {{"from=1990-01-01&to=2011-03-14", "from=1990-01-01&to=2011-03-15"},
                {"from=1990-01-01&to=2011-02-28", "from=1990-01-01&to=2011-03-31"}}) {
            JsonPath before = attacker.summary(pair[0]);
            Map<String, Object> after = attacker.csv(pair[1]);
            if (before == null || after == null) {
                continue;
            }
            for (String key : TARGET_KEYS.subList(0, 3)) {
                Interval difference = Attacker.of(after.get(key)).minus(Attacker.cell(before, key)).atLeast(0);
                undetermined("summary " + pair[0] + " against CSV " + pair[1], key, difference, truth(pair[1], key) - truth(pair[0], key));
            }
        }
    }

    @Test
    void averagingManyDistinctWindowsThatContainTheTargetsMonthDoesNotPinItsViolation() {
        String key = "byViolation.ENFORCED_DISAPPEARANCE";
        Interval known = new Interval(0, Long.MAX_VALUE / 4);
        List<Long> differences = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (int year = 1990; year <= 2010; year++) {
            for (String region : List.of("", "&region=PE-PUN")) {
                pairs.add(new String[] {"from=" + year + "-01-01&to=2011-02-28" + region, "from=" + year + "-01-01&to=2011-03-31" + region});
            }
        }
        for (String end : List.of("2011-04-30", "2011-06-30", "2011-12-31", "2012-06-30", "2012-12-31")) {
            pairs.add(new String[] {"from=2011-04-01&to=" + end, "from=2011-03-01&to=" + end});
        }
        long truth = 0;
        for (String[] pair : pairs) {
            JsonPath without = attacker.summary(pair[0]);
            JsonPath with = attacker.summary(pair[1]);
            if (without == null || with == null) {
                continue;
            }
            known = known.intersect(Attacker.cell(with, key).minus(Attacker.cell(without, key)));
            if (with.get(key) != null && without.get(key) != null) {
                differences.add(((Number) with.get(key)).longValue() - ((Number) without.get(key)).longValue());
            }
            truth = truth(pair[1], key) - truth(pair[0], key);
        }
        double mean = differences.stream().mapToLong(Long::longValue).average().orElse(Double.NaN);
        Attacker.report("averaging " + pairs.size() + " window pairs", key + " added by March 2011 (mean of "
                + differences.size() + " shown differences " + String.format("%.2f", mean) + ")", known, truth);
        assertTrue(known.contains(truth) && known.contains(truth - 1), "the averaging attack pinned " + key + ": " + known);
    }

    private void shift(String attack, String without, String with) {
        JsonPath before = attacker.summary(without);
        JsonPath after = attacker.summary(with);
        if (before == null || after == null) {
            return; // refused: nothing learnt
        }
        for (String key : TARGET_KEYS) {
            Interval difference = Attacker.cell(after, key).minus(Attacker.cell(before, key)).atLeast(0);
            undetermined(attack, key, difference, truth(with, key) - truth(without, key));
        }
    }

    private static void undetermined(String attack, String key, Interval difference, long truth) {
        Attacker.report(attack, key + " added by the shift", difference, truth);
        assertTrue(difference.contains(truth) && difference.contains(truth - 1),
                attack + ": the shift determines " + key + " (" + difference + ")");
    }

    static long truth(String query, String key) {
        return ((Number) given().auth().oauth2(Planted.ADMIN).get("/api/v1/stats/summary?exact=true&" + query)
                .then().statusCode(200).extract().path(key)).longValue();
    }
}
