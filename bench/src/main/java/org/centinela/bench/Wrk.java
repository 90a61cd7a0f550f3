package org.centinela.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * wrk (the Debian package {@code wrk}) as the load generator where the client must not be the ceiling: under the
 * JDK HttpClient the pair of stats-304 measured about half of what the service answers under wrk (bench/RESULTS.md).
 * wrk runs with the script {@code wrk/centinela.lua}, which takes the headers from the environment (no token on disk)
 * and counts the answers whose status was not the expected one.
 */
final class Wrk {

    private static final String MARKER = "CENTINELA-WRK ";

    /** One kind of request, repeated on every connection. {@code bodyFile} null: a GET. */
    record Request(URI url, String token, String ifNoneMatch, Path bodyFile, int expectedStatus) {

        static Request get(URI url, String token, String ifNoneMatch, int expectedStatus) {
            return new Request(url, token, ifNoneMatch, null, expectedStatus);
        }
    }

    /** What wrk counted over one run; latencies in microseconds as wrk gives them. */
    record Outcome(long requests, double seconds, long unexpected, String firstUnexpected, long socketErrors,
                   long p50Micros, long p90Micros, long p99Micros, long maxMicros) {

        /** Answers with the expected status per second. */
        double rate() {
            return seconds > 0 ? (requests - unexpected) / seconds : 0;
        }

        Map<String, Object> latency() {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("count", requests);
            summary.put("p50Ms", Format.round(p50Micros / 1e3));
            summary.put("p90Ms", Format.round(p90Micros / 1e3));
            summary.put("p99Ms", Format.round(p99Micros / 1e3));
            summary.put("maxMs", Format.round(maxMicros / 1e3));
            return summary;
        }
    }

    private final Path executable;
    private final int threads;
    private final int connections;

    private Wrk(Path executable, int threads, int connections) {
        this.executable = executable;
        this.threads = threads;
        this.connections = connections;
    }

    /** wrk from the PATH, or empty when it is not installed. */
    static Optional<Wrk> find(int threads, int connections) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "wrk");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate, threads, connections));
            }
        }
        return Optional.empty();
    }

    String describe() {
        return "wrk, " + threads + " threads, " + connections + " connections";
    }

    /** A run of {@code duration} that is not counted (JIT, connections), then the measured one. */
    Outcome run(Request request, Duration warmup, Duration measure) throws IOException, InterruptedException {
        Path script = Files.createTempFile("centinela-bench-", ".lua");
        try (InputStream source = Wrk.class.getResourceAsStream("/wrk/centinela.lua")) {
            if (source == null) {
                throw new IllegalStateException("wrk/centinela.lua missing from the benchmark jar");
            }
            Files.write(script, source.readAllBytes());
            if (!warmup.isZero()) {
                once(script, request, warmup);
            }
            return once(script, request, measure);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private Outcome once(Path script, Request request, Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "-t", String.valueOf(threads), "-c", String.valueOf(connections),
                "-d", Math.max(1, duration.toSeconds()) + "s", "--timeout", "10s",
                "-s", script.toString(), request.url().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("BENCH_EXPECT", String.valueOf(request.expectedStatus()));
        if (request.token() != null) {
            environment.put("BENCH_TOKEN", request.token());
        }
        if (request.ifNoneMatch() != null) {
            environment.put("BENCH_IF_NONE_MATCH", request.ifNoneMatch());
        }
        if (request.bodyFile() != null) {
            environment.put("BENCH_METHOD", "POST");
            environment.put("BENCH_BODY_FILE", request.bodyFile().toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        String line = output.lines().filter(candidate -> candidate.startsWith(MARKER)).findFirst().orElse(null);
        if (status != 0 || line == null) {
            throw new IllegalStateException("wrk exited with " + status + ": " + Json.abbreviate(output));
        }
        JsonNode totals = Json.read(line.substring(MARKER.length()));
        long socketErrors = totals.path("connectErrors").asLong() + totals.path("readErrors").asLong()
                + totals.path("writeErrors").asLong() + totals.path("timeouts").asLong();
        String first = totals.path("firstUnexpected").asText();
        return new Outcome(totals.path("requests").asLong(), totals.path("micros").asLong() / 1e6,
                totals.path("unexpected").asLong(), first.isEmpty() ? null : first, socketErrors,
                totals.path("p50").asLong(), totals.path("p90").asLong(), totals.path("p99").asLong(),
                totals.path("max").asLong());
    }
}
