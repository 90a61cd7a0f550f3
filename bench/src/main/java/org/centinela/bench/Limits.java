package org.centinela.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The limits on their own, without Centinela: to check the machine (and the load generator) before a run, or to
 * compare with PLATFORM.md's "Limits measured on this machine".
 */
final class Limits {

    private Limits() {
    }

    static void pgbench(Args args, Result result) throws Exception {
        int clients = args.integer("clients", 32);
        PgBenchLimit.Outcome outcome = PgBenchLimit.run(Postgres.from(args), clients, args.integer("seconds", 20));
        result.row("pgbench 2-insert durable tx at " + clients + " clients", Format.number(outcome.tps()) + " tx/s",
                        "—", "informative", null)
                .detail("tps", Format.round(outcome.tps()))
                .detail("transactions", outcome.transactions());
    }

    static void kafkaLatency(Args args, Result result) throws Exception {
        double rate = args.decimal("rate", 50);
        KafkaLatencyLimit.Outcome outcome = KafkaLatencyLimit.run(args.get("bootstrap", "127.0.0.1:9092"), rate,
                args.seconds("warmup", 2), args.seconds("seconds", 15));
        result.row("Kafka produce→consume (acks=all) at " + Format.number(rate) + "/s",
                        "p50 " + Format.millis(outcome.latencies().percentileMillis(50)) + ", p99 "
                                + Format.millis(outcome.latencies().percentileMillis(99)),
                        "—", "informative", null)
                .detail("latency", outcome.latencies().summary())
                .detail("sent", outcome.sent())
                .detail("received", outcome.received());
    }

    static void kafkaScan(Args args, Result result) throws Exception {
        String bootstrap = args.get("bootstrap", "127.0.0.1:9092");
        long records = KafkaScan.recordCount(bootstrap, args.list("topics"));
        KafkaScan.Outcome outcome = KafkaScan.readAll(bootstrap, args.list("topics"),
                Duration.ofSeconds(KafkaScan.timeoutSeconds(records)));
        result.row("plain KafkaConsumer reading " + args.get("topics"), Format.number(outcome.rate()) + " records/s ("
                        + outcome.records() + " records)", "—", "informative", null)
                .detail("records", outcome.records())
                .detail("seconds", Format.round(outcome.seconds()));
    }

    /** Closed-loop GETs of --url; with --self-test, of a trivial server inside this process (the client's own cost). */
    static void http(Args args, Result result) throws Exception {
        int clients = args.integer("clients", 32);
        HttpServer server = null;
        ExecutorService executor = null;
        URI url;
        if (args.has("self-test")) {
            executor = Executors.newFixedThreadPool(4);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            byte[] ok = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    exchange.sendResponseHeaders(200, ok.length);
                    exchange.getResponseBody().write(ok);
                }
            });
            server.setExecutor(executor);
            server.start();
            url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        } else {
            url = args.url("url");
        }
        try {
            Http http = new Http();
            ClosedLoop.Outcome outcome = ClosedLoop.run(clients, args.seconds("warmup", 2), args.seconds("seconds", 10),
                    args.longValue("max-requests", 10_000_000), () -> {
                        HttpResponse<String> response = http.get(url, null);
                        return response.statusCode() == 200 ? null : String.valueOf(response.statusCode());
                    });
            result.row("GET " + url + " at " + clients + " clients", Format.number(outcome.rate()) + "/s",
                            "—", "informative", null)
                    .detail("requests", outcome.succeeded())
                    .detail("failed", outcome.failed())
                    .detail("firstFailure", outcome.firstFailure())
                    .detail("latency", outcome.latencies().summary());
        } finally {
            if (server != null) {
                server.stop(0);
                executor.shutdownNow();
            }
        }
    }
}
