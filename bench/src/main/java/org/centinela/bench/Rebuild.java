package org.centinela.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * SPEC §8 row 5: reporting-service rebuilding its aggregates from the topics, in events per second (all the
 * records the topics hold ÷ the wall time from the POST until GET reports DONE) ÷ a plain KafkaConsumer reading
 * the same topics. Meant for a reporting-service of its own (its own database, CENTINELA_TOPIC_PREFIX = the
 * prefix here), so that the synthetic events never reach the main figures.
 */
final class Rebuild {

    static final double TARGET_RATIO = 0.25;
    private static final Set<String> DONE = Set.of("DONE", "COMPLETED", "FINISHED");
    private static final Set<String> FAILED = Set.of("FAILED", "ERROR");

    private Rebuild() {
    }

    static void run(Args args, Result result) throws Exception {
        URI reporting = args.url("reporting");
        String adminToken = args.get("admin-token");
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        String prefix = args.get("topic-prefix");
        long events = args.longValue("events", 1_000_000);
        Duration timeout = args.seconds("timeout", 3600);
        String incidents = prefix + "centinela.incidents.v1";
        List<String> topics = List.of(incidents, prefix + "centinela.alerts.v1");

        long present = KafkaScan.recordCount(bootstrap, List.of(incidents));
        long produced = 0;
        if (present < events) {
            long t0 = System.nanoTime();
            produced = SyntheticEvents.produce(bootstrap, incidents, events - present, present + 1);
            result.detail("producedPerSecond", Format.round(produced / ((System.nanoTime() - t0) / 1e9)));
        }
        // A fresh instance first consumes the topics with its ordinary consumers; the rebuild must not race them.
        Http http = new Http();
        double settled = Settle.awaitStableEtag(http, reporting.resolve("/api/v1/stats/summary?exact=true"),
                adminToken, args.seconds("quiet", 5), args.seconds("settle-timeout", 1800));
        long total = KafkaScan.recordCount(bootstrap, topics);
        KafkaScan.Outcome scan = KafkaScan.readAll(bootstrap, topics,
                Duration.ofSeconds(KafkaScan.timeoutSeconds(total)));

        URI rebuild = reporting.resolve("/api/v1/admin/rebuild");
        Instant requestedAt = Instant.now();
        long t0 = System.nanoTime();
        HttpResponse<String> started = http.postJson(rebuild, adminToken, "");
        if (started.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /api/v1/admin/rebuild → " + started.statusCode() + ": "
                    + Json.abbreviate(started.body()));
        }
        JsonNode progress = awaitDone(http, rebuild, adminToken, requestedAt, t0 + timeout.toNanos(),
                args.longValue("poll-ms", 200));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = total / seconds;
        double ratio = Format.ratio(rate, scan.rate());
        result.row("reporting: rebuild of " + Format.number(total) + " events", Format.number(rate)
                                + " events/s (" + Format.number(seconds) + " s)",
                        "plain KafkaConsumer, same topics: " + Format.number(scan.rate()) + " records/s",
                        "ratio " + Format.number(ratio) + " (target ≥ " + TARGET_RATIO + ")", ratio >= TARGET_RATIO)
                .detail("topics", topics)
                .detail("settledSeconds", Format.round(settled))
                .detail("alreadyPresent", present)
                .detail("produced", produced)
                .detail("records", total)
                .detail("scanRecords", scan.records())
                .detail("scanSeconds", Format.round(scan.seconds()))
                .detail("rebuildSeconds", Format.round(seconds))
                .detail("finalProgress", progress)
                .detail("ratio", Format.round(ratio));
    }

    private static JsonNode awaitDone(Http http, URI rebuild, String adminToken, Instant requestedAt, long deadline,
            long pollMillis) throws Exception {
        JsonNode progress = null;
        while (System.nanoTime() < deadline) {
            progress = Json.read(Http.expect(http.get(rebuild, adminToken), 200).body());
            String state = progress.path("state").asText(progress.path("status").asText("")).toUpperCase();
            if (DONE.contains(state) && !startedBefore(progress, requestedAt)) {
                return progress;
            }
            if (FAILED.contains(state)) {
                throw new IllegalStateException("the rebuild failed: " + progress);
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("the rebuild did not finish in time; last progress: " + progress);
    }

    /** A DONE left from an earlier rebuild, read before ours has even started, must not end the wait. */
    private static boolean startedBefore(JsonNode progress, Instant requestedAt) {
        String startedAt = progress.path("startedAt").asText("");
        try {
            return !startedAt.isEmpty() && Instant.parse(startedAt).isBefore(requestedAt.minusSeconds(2));
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
