package org.centinela.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Entry point: {@code java -jar centinela-bench.jar <benchmark> --option value …} (see bench/README.md). */
public final class Main {

    interface Benchmark {
        void run(Args args, Result result) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("intake-throughput", IntakeThroughput::run);
        BENCHMARKS.put("alert-latency", AlertLatency::run);
        BENCHMARKS.put("stats-freshness", StatsFreshness::run);
        BENCHMARKS.put("stats-304", Stats304::run);
        BENCHMARKS.put("rebuild", Rebuild::run);
        BENCHMARKS.put("footprint", Footprint::run);
        BENCHMARKS.put("startup", Startup::run);
        BENCHMARKS.put("cpu-cost", CpuCost::run);
        BENCHMARKS.put("pgbench-limit", Limits::pgbench);
        BENCHMARKS.put("kafka-latency-limit", Limits::kafkaLatency);
        BENCHMARKS.put("kafka-scan-limit", Limits::kafkaScan);
        BENCHMARKS.put("http-limit", Limits::http);
    }

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        // The JDK's HttpServer (webhook receiver, self-test) leaves Nagle on: headers and body then wait ~40 ms
        // for a delayed ACK, which would be measured as Centinela's latency.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
            return;
        }
        if (args.command().equals("report")) {
            Report.run(args);
            return;
        }
        if (args.command().equals("topics")) {
            BenchTopics.run(args);
            return;
        }
        Benchmark benchmark = BENCHMARKS.get(args.command());
        if (benchmark == null) {
            usage("unknown subcommand " + args.command());
            return;
        }
        Result result = new Result(args.command());
        try {
            benchmark.run(args, result);
        } catch (Exception e) {
            result.failed(e);
        }
        result.emit(args);
        System.exit(result.passed() ? 0 : 1);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java -jar centinela-bench.jar <subcommand> [--option value …] [--out results.jsonl]");
        System.err.println("subcommands: " + String.join(", ", BENCHMARKS.keySet()) + ", topics, report");
        System.err.println("see bench/README.md");
        System.exit(2);
    }
}
