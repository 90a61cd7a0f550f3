package org.centinela.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SPEC §8 row 6 (memory): the resident set of the services' processes, summed, sampled from /proc while the
 * system works: reporters posting incidents (which also feeds alerts and reporting) and a dashboard polling the
 * summary. Target (SPEC §8): the highest sum ≤ 800 MiB. The limit shown is the machine's memory.
 */
final class Footprint {

    static final long TARGET_BYTES = 800L * 1024 * 1024;

    private Footprint() {
    }

    static void run(Args args, Result result) throws Exception {
        Map<String, Long> pids = pids(args);
        Duration measure = args.seconds("seconds", 20);
        int clients = args.integer("clients", 8);
        Map<String, Long> peak = new LinkedHashMap<>();
        pids.keySet().forEach(name -> peak.put(name, 0L));
        long[] peakSum = {0};
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                long sum = 0;
                for (Map.Entry<String, Long> pid : pids.entrySet()) {
                    long rss = rssBytes(pid.getValue());
                    peak.merge(pid.getKey(), rss, Math::max);
                    sum += rss;
                }
                peakSum[0] = Math.max(peakSum[0], sum);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.start();
        ClosedLoop.Outcome load;
        try {
            load = load(args, clients, measure);
        } finally {
            sampling.set(false);
            sampler.join(5_000);
        }
        long memTotal = memTotalBytes();
        result.row("footprint: RSS of " + String.join(" + ", pids.keySet()) + " under load (peak of the sum)",
                        mib(peakSum[0]), "machine memory " + mib(memTotal), "target ≤ " + mib(TARGET_BYTES),
                        peakSum[0] > 0 && peakSum[0] <= TARGET_BYTES);
        Map<String, String> perService = new LinkedHashMap<>();
        peak.forEach((name, bytes) -> perService.put(name, mib(bytes)));
        result.detail("peakRssPerService", perService)
                .detail("peakRssSumBytes", peakSum[0])
                .detail("loadRequests", load == null ? 0 : load.succeeded())
                .detail("loadFailed", load == null ? 0 : load.failed())
                .detail("loadFirstFailure", load == null ? null : load.firstFailure());
    }

    /** Reporters posting and a viewer polling, together, for the sampling window; none when no --intake. */
    private static ClosedLoop.Outcome load(Args args, int clients, Duration measure) throws Exception {
        if (!args.has("intake")) {
            Thread.sleep(measure.toMillis());
            return null;
        }
        URI intake = args.url("intake");
        String adminToken = args.get("admin-token");
        Http http = new Http();
        String reporter = Centinela.reporterToken(http, intake, adminToken);
        URI incidents = intake.resolve("/api/v1/incidents");
        URI summary = args.has("reporting") ? args.url("reporting").resolve("/api/v1/stats/summary") : null;
        return ClosedLoop.run(clients, Duration.ZERO, measure, args.longValue("max-requests", 10_000_000), () -> {
            HttpResponse<String> response;
            if (summary != null && ThreadLocalRandom.current().nextInt(4) == 0) {
                response = http.get(summary, adminToken);
                return response.statusCode() == 200 ? null : "summary " + response.statusCode();
            }
            response = http.postJson(incidents, reporter, Incidents.random());
            return response.statusCode() == 201 ? null : "incident " + response.statusCode();
        });
    }

    /** --pids name=pid,… or --pid-files name=path,… (the .run/&lt;service&gt;.pid files of bin/centinela). */
    static Map<String, Long> pids(Args args) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (args.has("pids")) {
            for (String entry : args.list("pids")) {
                String[] parts = entry.split("=");
                pids.put(parts.length == 2 ? parts[0] : "pid " + parts[0], Long.parseLong(parts[parts.length - 1]));
            }
        }
        if (args.has("pid-files")) {
            for (String entry : args.list("pid-files")) {
                String[] parts = entry.split("=");
                Path file = Path.of(parts[parts.length - 1]);
                String name = parts.length == 2 ? parts[0] : file.getFileName().toString().replace(".pid", "");
                pids.put(name, Long.parseLong(Files.readString(file).trim()));
            }
        }
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("give --pids name=pid,… or --pid-files name=path,…");
        }
        List<String> gone = new ArrayList<>();
        pids.forEach((name, pid) -> {
            if (!Files.exists(Path.of("/proc/" + pid + "/status"))) {
                gone.add(name + " (" + pid + ")");
            }
        });
        if (!gone.isEmpty()) {
            throw new IllegalStateException("no such process: " + gone);
        }
        return pids;
    }

    /** VmRSS from /proc/&lt;pid&gt;/status, in bytes; 0 if the process is gone. */
    static long rssBytes(long pid) {
        return procKilobytes(Path.of("/proc/" + pid + "/status"), "VmRSS:") * 1024;
    }

    private static long memTotalBytes() {
        return procKilobytes(Path.of("/proc/meminfo"), "MemTotal:") * 1024;
    }

    private static long procKilobytes(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static String mib(long bytes) {
        return Format.number(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
