package org.centinela.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §8 row 6 (start-up): restarts one service of a system that {@code bin/centinela start} runs, through the
 * service's own supervisor, so that it comes back exactly as bin/centinela runs it (jar, JVM options, environment,
 * working directory), and measures from the launch of the new JVM (its start time in /proc) until /q/health/ready
 * answers 200, next to Quarkus' own "started in X s". The supervisor's pause before the restart is not counted, and
 * no second JVM races the supervisor's for the port. The limit shown is a bare JVM's start (java -version).
 */
final class Startup {

    static final double TARGET_SECONDS = 2;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** USER_HZ of /proc/<pid>/stat's start time; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private Startup() {
    }

    static void run(Args args, Result result) throws Exception {
        String name = args.get("name");
        int port = Integer.parseInt(args.get("port"));
        Path runDir = Path.of(args.get("run-dir"));
        Path pidFile = runDir.resolve(name + ".pid");
        Path log = runDir.resolve(name + ".log");
        long supervisor = pid(runDir.resolve(name + ".supervisor.pid"))
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .orElseThrow(() -> new IllegalStateException(name + " has no running supervisor in " + runDir
                        + ": start the system with bin/centinela start"));
        long previous = pid(pidFile).orElseThrow(() -> new IllegalStateException("no " + pidFile));
        if (parent(previous) != supervisor) {
            throw new IllegalStateException("pid " + previous + " from " + pidFile + " is not " + name
                    + "'s JVM (its parent is not supervisor " + supervisor + ")");
        }
        Duration timeout = args.seconds("timeout", 90);
        URI ready = Local.uri("http://127.0.0.1:" + port).resolve("/q/health/ready");
        long logOffset = Files.size(log);

        stop(previous);
        long deadline = System.nanoTime() + timeout.toNanos();
        long restarted = awaitRestart(pidFile, previous, supervisor, deadline, name);
        Http http = new Http();
        Double readySeconds = null;
        double cpuSeconds = 0;
        while (System.nanoTime() < deadline && ProcessHandle.of(restarted).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                HttpResponse<String> response = http.get(ready, null);
                if (response.statusCode() == 200) {
                    readySeconds = uptimeSeconds() - startSeconds(restarted);
                    cpuSeconds = cpuSeconds(restarted);
                    break;
                }
            } catch (java.io.IOException notListeningYet) {
                // the port opens part-way through the start
            }
            Thread.sleep(10);
        }
        if (readySeconds == null) {
            throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s of its restart; see "
                    + log);
        }
        Optional<Double> quarkusSeconds = startedIn(log, logOffset);
        double jvmFloor = bareJvmSeconds();
        result.row("start-up of " + name + " (launch → ready 200)", Format.number(readySeconds) + " s"
                                + quarkusSeconds.map(s -> " (Quarkus: started in " + s + " s)").orElse("")
                                + ", CPU " + Format.number(cpuSeconds) + " s",
                        "bare JVM start (java -version): " + Format.number(jvmFloor) + " s",
                        "target ≤ " + Format.number(TARGET_SECONDS) + " s", readySeconds <= TARGET_SECONDS)
                .detail("service", name)
                .detail("pid", restarted)
                .detail("readySeconds", Format.round(readySeconds))
                .detail("cpuSecondsToReady", Format.round(cpuSeconds))
                .detail("quarkusStartedInSeconds", quarkusSeconds.orElse(null))
                .detail("bareJvmSeconds", Format.round(jvmFloor));
    }

    /** SIGTERM, as bin/centinela stop sends; SIGKILL after 15 s. */
    private static void stop(long pid) throws Exception {
        ProcessHandle handle = ProcessHandle.of(pid).orElse(null);
        if (handle == null) {
            return;
        }
        handle.destroy();
        try {
            handle.onExit().get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().get(5, TimeUnit.SECONDS);
        }
    }

    /** The supervisor's next JVM: a new pid in the pid file whose parent is the supervisor. */
    private static long awaitRestart(Path pidFile, long previous, long supervisor, long deadline, String name)
            throws Exception {
        while (System.nanoTime() < deadline) {
            Optional<Long> current = pid(pidFile);
            if (current.isPresent() && current.get() != previous && parent(current.get()) == supervisor) {
                return current.get();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(name + "'s supervisor did not start it again");
    }

    private static Optional<Long> pid(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The fields of /proc/<pid>/stat after the command name (field 3, the state, first); empty once it is gone. */
    private static List<String> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split(" "));
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static long parent(long pid) {
        List<String> fields = stat(pid);
        return fields.isEmpty() ? -1 : Long.parseLong(fields.get(4 - 3));
    }

    /** When the process was launched, in seconds since boot (field 22, starttime). */
    private static double startSeconds(long pid) {
        List<String> fields = stat(pid);
        if (fields.isEmpty()) {
            throw new IllegalStateException("pid " + pid + " ended");
        }
        return Long.parseLong(fields.get(22 - 3)) / TICKS_PER_SECOND;
    }

    /** CPU time (user + system, fields 14 and 15) the process has used so far: less noisy than the wall time. */
    private static double cpuSeconds(long pid) {
        List<String> fields = stat(pid);
        return fields.isEmpty() ? 0 : (Long.parseLong(fields.get(14 - 3)) + Long.parseLong(fields.get(15 - 3))) / TICKS_PER_SECOND;
    }

    private static double uptimeSeconds() throws java.io.IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    }

    /** Quarkus' "started in" of this start: the last one logged after {@code offset}, waiting a moment for it. */
    static Optional<Double> startedIn(Path log, long offset) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset),
                    StandardCharsets.UTF_8);
            Matcher matcher = STARTED_IN.matcher(text);
            Double seconds = null;
            while (matcher.find()) {
                seconds = Double.parseDouble(matcher.group(1));
            }
            if (seconds != null) {
                return Optional.of(seconds);
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }

    private static double bareJvmSeconds() throws Exception {
        long t0 = System.nanoTime();
        Processes.run(List.of("java", "-version"), 60);
        return (System.nanoTime() - t0) / 1e9;
    }
}
