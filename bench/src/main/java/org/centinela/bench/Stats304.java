package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * SPEC §8 row 4: conditional GETs of the summary answered 304 per second ÷ trivial GETs (/q/health/live) per
 * second of the same service, with the same client at the same concurrency, measured one after the other.
 */
final class Stats304 {

    static final double TARGET_RATIO = 0.5;

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
        double settled = Settle.awaitStableEtag(http, summary, token, args.seconds("quiet", 5),
                args.seconds("settle-timeout", 300));
        HttpResponse<String> first = Http.expect(http.get(summary, token), 200);
        String etag = first.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("GET /api/v1/stats/summary sent no ETag"));

        // A 200 here means the summary changed under us (something is still writing): not a 304, so a failure.
        ClosedLoop.Outcome conditional = ClosedLoop.run(clients, warmup, measure, maxRequests, () -> {
            HttpResponse<String> response = http.get(summary, token, etag);
            return response.statusCode() == 304 && response.body().isEmpty() ? null
                    : response.statusCode() + " " + Json.abbreviate(response.body());
        });
        URI live = reporting.resolve("/q/health/live");
        ClosedLoop.Outcome trivial = ClosedLoop.run(clients, warmup, measure, maxRequests, () -> {
            HttpResponse<String> response = http.get(live, null);
            return response.statusCode() == 200 ? null : String.valueOf(response.statusCode());
        });

        double ratio = Format.ratio(conditional.rate(), trivial.rate());
        result.row("reporting: conditional summary GET → 304, at " + clients + " clients",
                        Format.number(conditional.rate()) + "/s (p99 "
                                + Format.millis(conditional.latencies().percentileMillis(99)) + ")",
                        "GET /q/health/live same service: " + Format.number(trivial.rate()) + "/s",
                        "ratio " + Format.number(ratio) + " (target ≥ " + TARGET_RATIO + ")",
                        conditional.failed() == 0 && ratio >= TARGET_RATIO)
                .detail("settledSeconds", Format.round(settled))
                .detail("etag", etag)
                .detail("notModified", conditional.succeeded())
                .detail("not304", conditional.failed())
                .detail("firstNot304", conditional.firstFailure())
                .detail("conditionalPerSecond", Format.round(conditional.rate()))
                .detail("conditionalLatency", conditional.latencies().summary())
                .detail("trivialPerSecond", Format.round(trivial.rate()))
                .detail("trivialFailed", trivial.failed())
                .detail("trivialLatency", trivial.latencies().summary())
                .detail("ratio", Format.round(ratio));
    }
}
