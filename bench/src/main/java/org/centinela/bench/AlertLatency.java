package org.centinela.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SPEC §8 row 2: from the 201 of an urgent incident to the signed webhook of its alert, at a fixed open-loop
 * rate; the limit is Kafka's own produce→consume latency at the same rate, measured just before. The latency is
 * also split at the notification's {@code sentAt} (rendered in alerts-service's consumer transaction): before it,
 * intake's relay, Kafka and routing; after it, the commit, the dispatch and the HTTP call.
 */
final class AlertLatency {

    /** SPEC §8: p99 ≤ 25 ms at 50 urgent incidents/s, ≤ 150 ms at 500/s (rates above 50 are held to the latter). */
    static final double TARGET_P99_MS_AT_50 = 25;
    static final double TARGET_P99_MS_AT_500 = 150;

    static double targetP99(double rate) {
        return rate <= 50 ? TARGET_P99_MS_AT_50 : TARGET_P99_MS_AT_500;
    }

    private AlertLatency() {
    }

    static void run(Args args, Result result) throws Exception {
        URI intake = args.url("intake");
        URI alerts = args.url("alerts");
        String adminToken = args.get("admin-token");
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        double rate = args.decimal("rate", 50);
        Duration measure = args.seconds("seconds", 30);
        Duration warmup = args.seconds("warmup", 5);
        Duration drain = args.seconds("drain", 15);

        // The limit first, on the idle system, for the same reason as in intake-throughput.
        KafkaLatencyLimit.Outcome kafka = KafkaLatencyLimit.run(bootstrap, rate, Duration.ofSeconds(2),
                args.seconds("limit-seconds", (int) Math.min(15, measure.toSeconds())));
        Http http = new Http();
        String secret = UUID.randomUUID().toString();
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        AtomicLong rejected = new AtomicLong();
        AtomicReference<String> firstRejection = new AtomicReference<>();
        AtomicLong answered = new AtomicLong();
        long sent;
        long badSignatures;
        Latencies latencies = new Latencies();
        Latencies beforeRendered = new Latencies();
        Latencies afterRendered = new Latencies();
        long delivered = 0;
        long missing = 0;
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            Centinela.Team team = Centinela.webhookTeam(http, alerts, adminToken, receiver.url(), secret);
            try {
                String reporter = Centinela.reporterToken(http, intake, adminToken);
                URI incidents = intake.resolve("/api/v1/incidents");
                long measureFrom = System.nanoTime() + warmup.toNanos();
                Map<String, Boolean> measured = new ConcurrentHashMap<>();
                sent = OpenLoop.run(rate, warmup.plus(measure), i -> {
                    boolean counts = System.nanoTime() >= measureFrom;
                    http.postJsonAsync(incidents, reporter, Incidents.urgent()).whenComplete((response, error) -> {
                        long now = System.nanoTime();
                        if (error == null && response.statusCode() == 201) {
                            String id = Json.read(response.body()).path("id").asText();
                            acceptedAt.put(id, now);
                            measured.put(id, counts);
                        } else {
                            rejected.incrementAndGet();
                            firstRejection.compareAndSet(null, error != null ? error.toString()
                                    : response.statusCode() + " " + Json.abbreviate(response.body()));
                        }
                        answered.incrementAndGet();
                    });
                });
                long deadline = System.nanoTime() + drain.toNanos();
                while (answered.get() < sent && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                while (!receiver.firstRaised().keySet().containsAll(acceptedAt.keySet())
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                // A webhook can beat the 201 to the load generator; that counts as zero, not as negative.
                for (Map.Entry<String, Long> accepted : acceptedAt.entrySet()) {
                    if (!measured.getOrDefault(accepted.getKey(), false)) {
                        continue;
                    }
                    Long arrived = receiver.firstRaised().get(accepted.getKey());
                    if (arrived == null) {
                        missing++;
                    } else {
                        delivered++;
                        long total = arrived - accepted.getValue();
                        latencies.record(total);
                        Long leg = receiver.sinceRendered().get(accepted.getKey());
                        if (leg != null) {
                            afterRendered.record(leg);
                            beforeRendered.record(total - leg);
                        }
                    }
                }
                badSignatures = receiver.badSignatures();
                result.detail("webhookRequests", receiver.requests()).detail("badSignatures", badSignatures);
            } finally {
                Centinela.deleteTeam(http, alerts, adminToken, team.id());
            }
        }
        boolean complete = missing == 0 && rejected.get() == 0 && badSignatures == 0;
        double target = targetP99(rate);
        double p99 = latencies.percentileMillis(99);
        double kafkaP99 = kafka.latencies().percentileMillis(99);
        result.row("alerts: 201 → signed webhook at " + Format.number(rate) + "/s", "p50 "
                                + Format.millis(latencies.percentileMillis(50)) + ", p99 " + Format.millis(p99) + ", p99.9 "
                                + Format.millis(latencies.percentileMillis(99.9)) + ", max " + Format.millis(latencies.maxMillis()),
                        "Kafka produce→consume p50 " + Format.millis(kafka.latencies().percentileMillis(50)) + ", p99 "
                                + Format.millis(kafkaP99),
                        "p99 ≤ " + Format.millis(target), complete && p99 <= target)
                .row("alerts: where it goes at " + Format.number(rate) + "/s (split at the notification's sentAt)",
                        "201 → rendered p50 " + Format.millis(beforeRendered.percentileMillis(50)) + ", p99 "
                                + Format.millis(beforeRendered.percentileMillis(99)) + "; rendered → received p50 "
                                + Format.millis(afterRendered.percentileMillis(50)) + ", p99 "
                                + Format.millis(afterRendered.percentileMillis(99)), "—", "informative", null)
                .row("alerts: webhooks delivered at " + Format.number(rate) + "/s (measured window)",
                        delivered + " of " + (delivered + missing) + ", " + rejected.get() + " POSTs rejected, " + badSignatures + " bad signatures", "—",
                        "all, correctly signed", complete)
                .detail("sent", sent)
                .detail("accepted", acceptedAt.size())
                .detail("rejected", rejected.get())
                .detail("firstRejection", firstRejection.get())
                .detail("delivered", delivered)
                .detail("missing", missing)
                .detail("latency", latencies.summary())
                .detail("acceptedToRendered", beforeRendered.summary())
                .detail("renderedToReceived", afterRendered.summary())
                .detail("kafkaLatency", kafka.latencies().summary())
                .detail("kafkaSent", kafka.sent())
                .detail("kafkaReceived", kafka.received());
    }
}
