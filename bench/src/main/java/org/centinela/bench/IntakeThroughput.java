package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SPEC §8 row 1: incidents accepted per second at N closed-loop reporters (one organisation each) ÷ pgbench's rate for the equivalent
 * durable transaction at the same N on the same PostgreSQL, measured just before.
 */
final class IntakeThroughput {

    static final double TARGET_RATIO = 0.5;

    private IntakeThroughput() {
    }

    static void run(Args args, Result result) throws Exception {
        URI intake = args.url("intake");
        String adminToken = args.get("admin-token");
        int clients = args.integer("clients", 32);
        int seconds = args.integer("seconds", 20);
        Duration warmup = args.seconds("warmup", 5);
        long maxRequests = args.longValue("max-requests", 5_000_000);

        // The limit first, while the services are idle: measured after the load, pgbench would compete with the
        // services still working through it, and the ratio would flatter them.
        // --no-limit: the load alone, where PostgreSQL has no 32 connections to spare for pgbench (a shared server).
        PgBenchLimit.Outcome limit = args.has("no-limit") ? new PgBenchLimit.Outcome(Double.NaN, 0)
                : PgBenchLimit.run(Postgres.from(args), clients, seconds);
        Http http = new Http();
        // One organisation per client: a single organisation's rate limit (dev profile: 6,000 a minute, refilled at
        // 100/s) would be measured instead of intake once its burst is spent.
        List<String> reporters = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            reporters.add(Centinela.reporterToken(http, intake, adminToken));
        }
        AtomicInteger nextReporter = new AtomicInteger();
        ThreadLocal<String> reporter = ThreadLocal.withInitial(() -> reporters.get(nextReporter.getAndIncrement() % clients));
        URI incidents = intake.resolve("/api/v1/incidents");
        ClosedLoop.Outcome load = ClosedLoop.run(clients, warmup, Duration.ofSeconds(seconds), maxRequests, () -> {
            HttpResponse<String> response = http.postJson(incidents, reporter.get(), Incidents.random());
            return response.statusCode() == 201 ? null
                    : response.statusCode() + " " + Json.abbreviate(response.body());
        });
        double ratio = Format.ratio(load.rate(), limit.tps());
        result.row("intake: accepted incidents/s at " + clients + " clients", Format.number(load.rate()) + "/s",
                        "pgbench 2-insert durable tx at " + clients + " clients: " + Format.number(limit.tps()) + "/s",
                        "ratio " + Format.number(ratio) + " (target ≥ " + TARGET_RATIO + ")",
                        load.failed() == 0 && ratio >= TARGET_RATIO)
                .row("intake: POST /api/v1/incidents latency", "p50 " + Format.millis(load.latencies().percentileMillis(50))
                        + ", p99 " + Format.millis(load.latencies().percentileMillis(99)), "—", "informative", null)
                .detail("accepted", load.succeeded())
                .detail("failed", load.failed())
                .detail("firstFailure", load.firstFailure())
                .detail("seconds", Format.round(load.seconds()))
                .detail("acceptedPerSecond", Format.round(load.rate()))
                .detail("latency", load.latencies().summary())
                .detail("pgbenchTps", Format.round(limit.tps()))
                .detail("pgbenchTransactions", limit.transactions())
                .detail("ratio", Format.round(ratio));
    }
}
