package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.centinela.testkit.Api;
import org.centinela.testkit.ForgedTokens;
import org.centinela.testkit.RawHttp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 3: seeded hostile requests against the three running services (-Dhostile.requests per service,
 * 1,000 by default; README "Hostile input" for the full run). Every answer comes within 5 s, none is a 5xx, every
 * 4xx is problem+json, no table gains or loses a row, and every service is ready afterwards.
 */
class HostileInputSuiteTest {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 1000);
    private static final long SEED = Long.getLong("hostile.seed", 20261201L);
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static RunningSystem system;
    private static Map<String, String> tokens;

    @BeforeAll
    static void startAndMakePrincipals() throws Exception {
        system = RunningSystem.get();
        Api api = system.api();
        tokens = new LinkedHashMap<>();
        tokens.put("admin", Api.ADMIN);
        tokens.put("reporter", api.createOrganisation("Hostil " + UUID.randomUUID()).token());
        tokens.put("viewer", api.createViewer("Hostil " + UUID.randomUUID()).token());
        tokens.put("responder", api.createTeam("PE-CAJ", "es", "HIGH", "hostil@brigada.test", null).token());
        UUID someone = UUID.randomUUID();
        tokens.put("expired", ForgedTokens.expired(someone, "admin"));
        tokens.put("otherKey", ForgedTokens.otherKey(someone, "admin"));
        tokens.put("algNone", ForgedTokens.algNone(someone, "admin"));
        tokens.put("malformed", ForgedTokens.malformed());
    }

    /** What one service answered to its share of the requests. */
    private record Outcome(Map<Integer, Integer> statuses, List<String> failures, Duration slowest, String slowestRequest) {
    }

    @Test
    void hostileRequestsGetBoundedProblemAnswersAndWriteNothing() {
        Map<String, Long> before = stableCounts();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        HostileRequests generator = new HostileRequests(SEED, tokens);
        for (ServiceProcess service : system.services()) {
            String name = service.name.replace("-service", "");
            outcomes.put(name, run(generator, HostileEndpoints.BY_SERVICE.get(name), service));
        }
        Map<String, Long> after = TableCounts.now();

        outcomes.forEach((service, outcome) -> System.out.printf(
                "hostile-input %s: %d requests, statuses %s, failures %d, slowest %d ms (%s)%n", service, REQUESTS,
                outcome.statuses(), outcome.failures().size(), outcome.slowest().toMillis(), outcome.slowestRequest()));
        System.out.printf("hostile-input rows written: %d%n", changedRows(before, after));
        outcomes.forEach((service, outcome) -> outcome.failures().forEach(failure ->
                System.out.printf("hostile-input failure %s: %s%n", service, failure)));
        outcomes.forEach((service, outcome) -> assertEquals(List.of(), outcome.failures().stream().limit(20).toList(), service));
        assertEquals(before, after, "rows written by hostile requests");
        for (ServiceProcess service : system.services()) {
            assertEquals(200, service.readinessStatus(), service.name + " not ready after the hostile requests");
        }
    }

    private static Outcome run(HostileRequests generator, List<HostileEndpoints.Endpoint> endpoints, ServiceProcess service) {
        RawHttp http = new RawHttp("127.0.0.1", service.port, LIMIT.plusSeconds(5));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        String slowestRequest = "";
        for (int i = 0; i < REQUESTS; i++) {
            HostileRequests.Hostile request = generator.next(endpoints);
            RawHttp.Answer answer = http.send(request.bytes());
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.elapsed().compareTo(slowest) > 0) {
                slowest = answer.elapsed();
                slowestRequest = request.what();
            }
            String problem = problemWith(answer, request.validHttp());
            if (problem == null && answer.status() >= 200 && answer.status() < 300 && request.what().matches("(POST|PUT|DELETE|PATCH) .*")) {
                problem = "accepted (" + answer.status() + ")"; // every body is invalid and every id unknown
            }
            if (problem != null) {
                failures.add(problem + (request.validHttp() ? "" : " (not HTTP)") + " ← " + abbreviate(request.what()) + " → " + abbreviate(answer.bodyText()));
            }
        }
        return new Outcome(statuses, failures, slowest, abbreviate(slowestRequest));
    }

    /**
     * Why an answer is wrong, or null. What is not HTTP at all is refused by Vert.x's decoder with an empty 4xx
     * (400, 414, 431) or a closed connection before any code of ours runs, so an answer, and problem+json, are asked
     * only of well-formed requests.
     */
    static String problemWith(RawHttp.Answer answer, boolean validHttp) {
        if (answer.status() < 0 && (validHttp || "timeout".equals(answer.failure()))) {
            return "no answer (" + answer.failure() + ")";
        }
        if (answer.status() < 0) {
            return null; // the decoder may also just close on what is not HTTP
        }
        if (answer.status() >= 500) {
            return "status " + answer.status();
        }
        if (answer.elapsed().compareTo(LIMIT) > 0) {
            return "answered after " + answer.elapsed().toMillis() + " ms";
        }
        if (answer.status() >= 400 && validHttp && !answer.contentType().startsWith("application/problem+json")) {
            return "status " + answer.status() + " as '" + answer.contentType() + "'";
        }
        return null;
    }

    /** Counts once nothing else (an earlier test's events still being applied) changes them any more. */
    private static Map<String, Long> stableCounts() {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(TableCounts.now());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, Long> now = TableCounts.now();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    private static long changedRows(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().mapToLong(entry -> Math.abs(entry.getValue() - before.getOrDefault(entry.getKey(), 0L))).sum();
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "·");
        return printable.length() <= 200 ? printable : printable.substring(0, 200) + "…";
    }
}
