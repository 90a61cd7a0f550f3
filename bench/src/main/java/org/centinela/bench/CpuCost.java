package org.centinela.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * SPEC §8 row 7: CPU time per accepted incident, per process and together — intake, alerts, reporting, the Kafka
 * broker, PostgreSQL (every process named {@code postgres}: the backends of the three services' pools, the WAL
 * writer, the checkpointer) and the load generator itself — over a steady open-loop run of a mix of urgent and normal
 * incidents, counted once the pipeline has drained (every urgent incident's webhook received, nothing left to
 * apply). CPU is user + system time from {@code /proc/<pid>/stat}. Each service database's transactions and rows
 * written per incident come from {@code pg_stat_database}. Run it on a quiet machine: other PostgreSQL clients and
 * other JVMs' work would be counted.
 */
final class CpuCost {

    private static final long CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts in 1/100 s
    /** The services' databases by default; {@code --databases a,b,c} for a system of its own (e.g. CENTINELA_*_DB_URL). */
    private static final String DATABASES = "centinela_intake,centinela_alerts,centinela_reporting";

    private CpuCost() {
    }

    static void run(Args args, Result result) throws Exception {
        URI intake = args.url("intake");
        URI alerts = args.url("alerts");
        String adminToken = args.get("admin-token");
        double rate = args.decimal("rate", 100);
        Duration measure = args.seconds("seconds", 30);
        Duration drain = args.seconds("drain", 60);
        double urgentShare = args.decimal("urgent-share", 0.3);
        Map<String, Long> pids = pids(args.get("pid-files"));
        List<String> databases = List.of(args.get("databases", DATABASES).split(","));
        Postgres postgres = Postgres.from(args);

        Http http = new Http();
        String secret = UUID.randomUUID().toString();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        Map<String, Boolean> urgent = new ConcurrentHashMap<>();
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            Centinela.Team team = Centinela.webhookTeam(http, alerts, adminToken, receiver.url(), secret);
            try {
                String reporter = Centinela.reporterToken(http, intake, adminToken);
                URI incidents = intake.resolve("/api/v1/incidents");
                Snapshot before = Snapshot.take(pids, postgres, databases);
                long sent = OpenLoop.run(rate, measure, i -> {
                    boolean isUrgent = i % 10 < Math.round(urgentShare * 10);
                    http.postJsonAsync(incidents, reporter, isUrgent ? Incidents.urgent() : Incidents.random())
                            .whenComplete((response, error) -> {
                                if (error == null && response.statusCode() == 201) {
                                    accepted.incrementAndGet();
                                    if (isUrgent) {
                                        urgent.put(Json.read(response.body()).path("id").asText(), true);
                                    }
                                } else {
                                    rejected.incrementAndGet();
                                }
                            });
                });
                awaitAnswers(sent, accepted, rejected, Duration.ofSeconds(30));
                long deadline = System.nanoTime() + drain.toNanos();
                while (!receiver.firstRaised().keySet().containsAll(urgent.keySet()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                awaitQuiet(pids, postgres, databases, deadline);
                Snapshot after = Snapshot.take(pids, postgres, databases);
                report(result, before, after, accepted.get(), rejected.get(), urgent.size(),
                        receiver.firstRaised().keySet().containsAll(urgent.keySet()), rate, measure);
            } finally {
                Centinela.deleteTeam(http, alerts, adminToken, team.id());
            }
        }
    }

    private static void report(Result result, Snapshot before, Snapshot after, long accepted, long rejected, long urgent,
                               boolean drained, double rate, Duration measure) {
        double total = 0;
        StringBuilder perProcess = new StringBuilder();
        Map<String, Double> cpuMsPerIncident = new LinkedHashMap<>();
        for (String name : after.cpuTicks().keySet()) {
            long ticks = after.cpuTicks().get(name) - before.cpuTicks().getOrDefault(name, 0L);
            double ms = ticks * 1000.0 / CLOCK_TICKS / Math.max(1, accepted);
            cpuMsPerIncident.put(name, Format.round(ms));
            total += ms;
            perProcess.append(perProcess.isEmpty() ? "" : ", ").append(name).append(' ').append(Format.number(ms));
        }
        Map<String, Map<String, Double>> perDatabase = new LinkedHashMap<>();
        StringBuilder statements = new StringBuilder();
        for (String database : after.databases().keySet()) {
            long[] a = after.databases().get(database);
            long[] b = before.databases().getOrDefault(database, new long[a.length]);
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("transactions", Format.round((a[0] - b[0]) / (double) Math.max(1, accepted)));
            row.put("rowsWritten", Format.round((a[1] - b[1]) / (double) Math.max(1, accepted)));
            perDatabase.put(database, row);
            statements.append(statements.isEmpty() ? "" : ", ").append(database.replace("centinela_", ""))
                    .append(' ').append(Format.number(row.get("transactions"))).append(" tx / ")
                    .append(Format.number(row.get("rowsWritten"))).append(" rows");
        }
        result.row("CPU per accepted incident, all processes (" + Format.number(rate) + "/s for " + measure.toSeconds()
                                + " s, " + urgent + " urgent)", Format.number(total) + " ms",
                        perProcess.toString(), "measured and reported", drained && rejected == 0)
                .row("database work per incident", statements.toString(), "—", "informative", null)
                .detail("accepted", accepted)
                .detail("rejected", rejected)
                .detail("urgent", urgent)
                .detail("drained", drained)
                .detail("cpuMsPerIncident", cpuMsPerIncident)
                .detail("cpuMsPerIncidentTotal", Format.round(total))
                .detail("perDatabase", perDatabase);
    }

    private static void awaitAnswers(long sent, AtomicLong accepted, AtomicLong rejected, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (accepted.get() + rejected.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits until the services and PostgreSQL have used (almost) no CPU for a second: the consumers are done. */
    private static void awaitQuiet(Map<String, Long> pids, Postgres postgres, List<String> databases, long deadline)
            throws Exception {
        Snapshot last = Snapshot.take(pids, postgres, databases);
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot now = Snapshot.take(pids, postgres, databases);
            long busy = 0;
            for (String name : now.cpuTicks().keySet()) {
                if (!name.equals("load generator")) {
                    busy += now.cpuTicks().get(name) - last.cpuTicks().getOrDefault(name, 0L);
                }
            }
            if (busy <= 10) { // ≤ 0.1 CPU-second in a second across all of them: idle pollers only
                return;
            }
            last = now;
        }
    }

    static Map<String, Long> pids(String pidFiles) throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String entry : pidFiles.split(",")) {
            String[] nameAndFile = entry.split("=", 2);
            pids.put(nameAndFile[0], Long.parseLong(Files.readString(Path.of(nameAndFile[1])).trim()));
        }
        return pids;
    }

    /** CPU ticks per process and, per service database, transactions committed and rows written. */
    record Snapshot(Map<String, Long> cpuTicks, Map<String, long[]> databases) {

        static Snapshot take(Map<String, Long> pids, Postgres postgres, List<String> databases) throws Exception {
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((name, pid) -> ticks.put(name, cpuTicks(pid)));
            ticks.put("PostgreSQL", postgresTicks());
            ticks.put("load generator", cpuTicks(ProcessHandle.current().pid()));
            return new Snapshot(ticks, databaseCounters(postgres, databases));
        }

        private static long postgresTicks() throws IOException {
            long sum = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(path -> path.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        if (stat.contains("(postgres)")) {
                            sum += ticksOf(stat);
                        }
                    } catch (IOException gone) {
                        // the process ended while we looked
                    }
                }
            }
            return sum;
        }

        private static long cpuTicks(long pid) {
            try {
                return ticksOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            } catch (IOException e) {
                throw new IllegalStateException("no process " + pid, e);
            }
        }

        /** utime + stime: fields 14 and 15, counted after the command name, which may hold spaces. */
        private static long ticksOf(String stat) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static Map<String, long[]> databaseCounters(Postgres postgres, List<String> databases) throws Exception {
            Map<String, long[]> counters = new LinkedHashMap<>();
            String rows = postgres.query("postgres", "SELECT datname, xact_commit, tup_inserted + tup_updated + tup_deleted "
                    + "FROM pg_stat_database WHERE datname IN ('" + String.join("', '", databases) + "')");
            for (String line : rows.strip().split("\n")) {
                String[] columns = line.split("\\|");
                if (columns.length == 3) {
                    counters.put(columns[0], new long[] {Long.parseLong(columns[1]), Long.parseLong(columns[2])});
                }
            }
            return counters;
        }
    }
}
