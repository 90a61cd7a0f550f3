package org.centinela.reporting.attack;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centinela.reporting.disclosure.PerturbationTable;
import org.jboss.logging.Logger;

/**
 * A viewer who knows the method (README "Threat model and method") and may send any number of queries. It turns
 * each published count into the interval of true counts that the method allows, combines intervals across
 * responses, and reports what it could infer. "Determined" means the interval holds one value only; "proves
 * presence" means it excludes 0.
 */
final class Attacker {

    private static final Logger LOG = Logger.getLogger(Attacker.class);

    /** k of suppression and the largest noise the method adds to a count (0 before perturbation). */
    static final int K = 3;
    static final int MAX_NOISE = PerturbationTable.MAX_NOISE;
    /** Whether a shown 0 or null may stand for any small count (the cell-key method) or means what it says. */
    static final boolean SMALL_CELLS_ARE_AMBIGUOUS = true;

    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    private final String token;

    Attacker(String token) {
        this.token = token;
    }

    /** The answer, or null when the service refuses the question (a refused question teaches nothing). */
    JsonPath ask(String pathAndQuery) {
        Response response = given().auth().oauth2(token).get(pathAndQuery);
        if (response.statusCode() == 400) {
            LOG.infof("attacker: refused %s (%s)", pathAndQuery, response.jsonPath().getString("errors.message"));
            return null;
        }
        if (response.statusCode() != 200) {
            throw new AssertionError(pathAndQuery + " → " + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath();
    }

    JsonPath summary(String query) {
        return ask("/api/v1/stats/summary?" + query);
    }

    /** CSV rows "breakdown,key" → shown value (null for an empty field), or null when refused. */
    Map<String, Object> csv(String query) {
        Response response = given().auth().oauth2(token).get("/api/v1/stats/export.csv?" + query);
        if (response.statusCode() == 400) {
            LOG.infof("attacker: refused export.csv?%s", query);
            return null;
        }
        Map<String, Object> rows = new LinkedHashMap<>();
        List<String> lines = response.asString().lines().skip(1).toList();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            rows.put(fields[0] + "." + fields[1], fields[2].isEmpty() ? null : Long.valueOf(fields[2]));
        }
        return rows;
    }

    /** What a published count says of the true count. */
    static Interval of(Object shown) {
        if (shown == null && SMALL_CELLS_ARE_AMBIGUOUS) {
            return new Interval(0, UNBOUNDED); // small, or a large cell hidden as a complement
        }
        if (shown == null || ((Number) shown).longValue() == 0) {
            if (SMALL_CELLS_ARE_AMBIGUOUS) {
                return new Interval(0, K - 1 + MAX_NOISE);
            }
            return shown == null ? new Interval(1, K - 1) : Interval.exactly(0);
        }
        long v = ((Number) shown).longValue();
        return new Interval(Math.max(SMALL_CELLS_ARE_AMBIGUOUS ? K : 0, v - MAX_NOISE), v + MAX_NOISE);
    }

    static Interval cell(JsonPath body, String path) {
        return of(body.get(path));
    }

    static void report(String attack, String what, Interval inferred, long truth) {
        LOG.infof("attack %s: the attacker infers %s %s (true value %d)%s", attack, what, inferred, truth,
                inferred.determined() ? " — DETERMINED" : inferred.lo() >= 1 ? " — presence proven" : "");
    }
}
