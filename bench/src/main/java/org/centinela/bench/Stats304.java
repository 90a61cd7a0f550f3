package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * SPEC §8 row 4: conditional GETs of the summary answered 304 per second ÷ trivial GETs (/q/health/live) per
 * second of the same service, both driven by wrk (2 threads, as many connections as clients), one after the other
 * in the same run. Without wrk on the PATH it says so and falls back to the JDK HttpClient, whose own ceiling is
 * below the service's (so that ratio says less).
 */
final class Stats304 {

    static final double TARGET_RATIO = 0.7;
    private static final int WRK_THREADS = 2;
    /** Conditional runs tried before a changing summary counts as a failure. */
    private static final int ATTEMPTS = 3;

    /** One side of the ratio, whichever client drove it. */
    private record Side(double rate, long succeeded, long failed, String firstFailure, double p99Millis,
                        Map<String, Object> latency) {

        static Side of(Wrk.Outcome outcome) {
            return new Side(outcome.rate(), outcome.requests() - outcome.unexpected(),
                    outcome.unexpected() + outcome.socketErrors(), outcome.firstUnexpected(), outcome.p99Micros() / 1e3,
                    outcome.latency());
        }

        static Side of(ClosedLoop.Outcome outcome) {
            return new Side(outcome.rate(), outcome.succeeded(), outcome.failed(), outcome.firstFailure(),
                    outcome.latencies().percentileMillis(99), outcome.latencies().summary());
        }
    }

    private Stats304() {
    }

    static void run(Args args, Result result) throws Exception {
        URI reporting = args.url("reporting");
        int clients = args.integer("clients", 32);
        Duration measure = args.seconds("seconds", 15);
        Duration warmup = args.seconds("warmup", 3);
        long maxRequests = args.longValue("max-requests", 10_000_000);
        Http http = new Http();
        String token = args.has("token") ? args.get("token")
                : Centinela.viewerToken(http, reporting, args.get("admin-token"));

        URI summary = reporting.resolve("/api/v1/stats/summary");
        URI live = reporting.resolve("/q/health/live");
        Optional<Wrk> wrk = args.has("jdk-client") ? Optional.empty() : Wrk.find(WRK_THREADS, clients);
        String client;
        if (wrk.isPresent()) {
            client = wrk.get().describe();
        } else {
            client = "JDK HttpClient, " + clients + " clients";
            if (!args.has("jdk-client")) {
                System.err.println("stats-304: wrk is not on the PATH (Debian: apt-get install wrk); measuring with the "
                        + "JDK HttpClient instead, whose own ceiling is about half of what the service answers, so the "
                        + "ratio is not SPEC's (both driven by wrk)");
                client += " (wrk not found)";
            }
        }

        // A 200 in the conditional run means the summary changed under us: something still writes (on a system that
        // ran alert-latency an hour ago, its open alerts being escalated). Such a run measured bodies, not 304s: settle
        // again and measure again, up to ATTEMPTS times; a run with 200s left is a failure.
        double settled = 0;
        String etag = null;
        Side conditional = null;
        int attempts = 0;
        while (attempts < ATTEMPTS && (conditional == null || conditional.failed() > 0)) {
            attempts++;
            settled += Settle.awaitStableEtag(http, summary, token, args.seconds("quiet", 5),
                    args.seconds("settle-timeout", 300));
            HttpResponse<String> first = Http.expect(http.get(summary, token), 200);
            String current = first.headers().firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException("GET /api/v1/stats/summary sent no ETag"));
            etag = current;
            conditional = wrk.isPresent()
                    ? Side.of(wrk.get().run(Wrk.Request.get(summary, token, current, 304), warmup, measure))
                    : Side.of(ClosedLoop.run(clients, warmup, measure, maxRequests, () -> {
                        HttpResponse<String> response = http.get(summary, token, current);
                        return response.statusCode() == 304 && response.body().isEmpty() ? null
                                : response.statusCode() + " " + Json.abbreviate(response.body());
                    }));
        }
        Side trivial = wrk.isPresent()
                ? Side.of(wrk.get().run(Wrk.Request.get(live, null, null, 200), warmup, measure))
                : Side.of(ClosedLoop.run(clients, warmup, measure, maxRequests, () -> {
                    HttpResponse<String> response = http.get(live, null);
                    return response.statusCode() == 200 ? null : String.valueOf(response.statusCode());
                }));

        double ratio = Format.ratio(conditional.rate(), trivial.rate());
        result.row("reporting: conditional summary GET → 304, " + client,
                        Format.number(conditional.rate()) + "/s (p99 " + Format.millis(conditional.p99Millis()) + ")",
                        "GET /q/health/live same service: " + Format.number(trivial.rate()) + "/s",
                        "ratio " + Format.number(ratio) + " (target ≥ " + TARGET_RATIO + ")",
                        conditional.failed() == 0 && trivial.failed() == 0 && ratio >= TARGET_RATIO)
                .detail("client", client)
                .detail("settledSeconds", Format.round(settled))
                .detail("attempts", attempts)
                .detail("etag", etag)
                .detail("notModified", conditional.succeeded())
                .detail("not304", conditional.failed())
                .detail("firstNot304", conditional.firstFailure())
                .detail("conditionalPerSecond", Format.round(conditional.rate()))
                .detail("conditionalLatency", conditional.latency())
                .detail("trivialPerSecond", Format.round(trivial.rate()))
                .detail("trivialFailed", trivial.failed())
                .detail("trivialLatency", trivial.latency())
                .detail("ratio", Format.round(ratio));
    }
}
