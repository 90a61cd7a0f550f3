package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SPEC §8 row 3: from the 201 of an incident to the first exact summary of its day that counts it, while other
 * incidents arrive at a steady background rate. Each sample uses a day of its own between 1990 and 2015 (the
 * background uses 2016 on), and waits for that day's count to grow by one, so reruns need no clean database.
 * The limit shown is what polling alone costs: the summary GET's own latency plus the polling interval.
 */
final class StatsFreshness {

    static final double TARGET_P99_MS = 1000;
    private static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2015, 12, 31);

    private StatsFreshness() {
    }

    static void run(Args args, Result result) throws Exception {
        URI intake = args.url("intake");
        URI reporting = args.url("reporting");
        String adminToken = args.get("admin-token");
        int samples = args.integer("samples", 200);
        int samplers = args.integer("samplers", 4);
        double backgroundRate = args.decimal("background-rate", 20);
        long pollMillis = args.longValue("poll-ms", 20);
        Duration timeout = args.seconds("timeout", 10);

        Http http = new Http();
        String reporter = Centinela.reporterToken(http, intake, adminToken);
        URI incidents = intake.resolve("/api/v1/incidents");
        List<LocalDate> days = distinctDays(samples);

        AtomicLong background = new AtomicLong();
        Thread backgroundLoad = new Thread(() -> {
            try {
                // Runs until interrupted when the samples are done; the hour only bounds it.
                OpenLoop.run(backgroundRate, Duration.ofHours(1), i -> http
                        .postJsonAsync(incidents, reporter, Incidents.random())
                        .thenRun(background::incrementAndGet));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "background-load");
        backgroundLoad.start();

        Latencies freshness = new Latencies();
        Latencies summaryGet = new Latencies();
        AtomicLong notCounted = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(samplers);
        try {
            Thread.sleep(args.seconds("warmup", 3).toMillis());
            for (LocalDate day : days) {
                pool.execute(() -> {
                    try {
                        Long nanos = sample(http, incidents, reporter, reporting, adminToken, day, pollMillis,
                                timeout, summaryGet);
                        if (nanos == null) {
                            notCounted.incrementAndGet();
                        } else {
                            freshness.record(nanos);
                        }
                    } catch (Exception e) {
                        firstFailure.compareAndSet(null, day + ": " + e.getMessage());
                        notCounted.incrementAndGet();
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(samples * (timeout.toSeconds() + 5) / samplers + 60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            backgroundLoad.interrupt();
            backgroundLoad.join(5_000);
        }

        double p99 = freshness.percentileMillis(99);
        double floor = summaryGet.percentileMillis(50) + pollMillis;
        boolean complete = notCounted.get() == 0;
        result.row("reporting: 201 → counted in /stats/summary p99 (" + Format.number(backgroundRate)
                                + "/s background)", Format.millis(p99) + " (p50 " + Format.millis(freshness.percentileMillis(50))
                                + ", " + freshness.count() + " of " + samples + " samples)",
                        "polling floor: summary GET p50 + " + pollMillis + " ms = " + Format.millis(floor),
                        "target ≤ " + Format.millis(TARGET_P99_MS), complete && p99 <= TARGET_P99_MS)
                .detail("freshness", freshness.summary())
                .detail("summaryGet", summaryGet.summary())
                .detail("notCountedOrFailed", notCounted.get())
                .detail("firstFailure", firstFailure.get())
                .detail("backgroundIncidents", background.get());
    }

    /** Nanoseconds from the 201 until the day's count grew by one, or null after the timeout. */
    private static Long sample(Http http, URI incidents, String reporter, URI reporting, String adminToken,
            LocalDate day, long pollMillis, Duration timeout, Latencies summaryGet) throws Exception {
        URI summary = reporting.resolve("/api/v1/stats/summary?from=" + day + "&to=" + day + "&exact=true");
        long before = count(http, summary, adminToken, summaryGet);
        Http.expect(http.postJson(incidents, reporter, Incidents.onDay(day)), 201);
        long acceptedAt = System.nanoTime();
        long deadline = acceptedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (count(http, summary, adminToken, summaryGet) > before) {
                return (System.nanoTime() - acceptedAt);
            }
            Thread.sleep(pollMillis);
        }
        return null;
    }

    private static long count(Http http, URI summary, String adminToken, Latencies summaryGet) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> response = Http.expect(http.get(summary, adminToken), 200);
        summaryGet.record(System.nanoTime() - t0);
        return Json.read(response.body()).path("incidents").asLong();
    }

    private static List<LocalDate> distinctDays(int samples) {
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            all.add(day);
        }
        if (samples > all.size()) {
            throw new IllegalArgumentException("at most " + all.size() + " samples (one day each)");
        }
        Collections.shuffle(all);
        return all.subList(0, samples);
    }
}
