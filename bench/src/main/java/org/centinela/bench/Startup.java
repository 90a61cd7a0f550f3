package org.centinela.bench;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SPEC §8 row 6 (start-up): restarts one service the way bin/centinela runs it (same jar, JVM options, log file
 * and pid file, with this process's environment) and measures from the launch of the JVM until
 * /q/health/ready answers 200, next to Quarkus' own "started in X s". The process outlives this tool, so the
 * system is left as it was and bin/centinela stop still stops it. The limit shown is a bare JVM's start
 * (java -version), the floor of any Java service's start-up.
 */
final class Startup {

    static final double TARGET_SECONDS = 3;
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private Startup() {
    }

    static void run(Args args, Result result) throws Exception {
        String name = args.get("name");
        int port = Integer.parseInt(args.get("port"));
        Path jar = Path.of(args.get("jar"));
        Path log = Path.of(args.get("log"));
        Path pidFile = Path.of(args.get("pid-file"));
        List<String> javaOpts = List.of(args.get("java-opts", "-Xms64m -Xmx256m -XX:+UseSerialGC").trim().split("\\s+"));
        Duration timeout = args.seconds("timeout", 90);
        URI ready = Local.uri("http://127.0.0.1:" + port).resolve("/q/health/ready");

        stopPrevious(pidFile, jar);
        if (listening(port)) {
            // Another process would answer the readiness probe and fake an instant start.
            throw new IllegalStateException("port " + port + " is still in use by a process not in " + pidFile);
        }
        List<String> command = new ArrayList<>();
        // In a session of its own, like bin/centinela's nohup'd services: a Ctrl-C of the benchmark spares it.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.add("java");
        command.addAll(javaOpts);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(new File("/dev/null"))
                .start();
        Files.writeString(pidFile, process.pid() + "\n");
        Http http = new Http();
        long deadline = t0 + timeout.toNanos();
        Double readySeconds = null;
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> response = http.get(ready, null);
                if (response.statusCode() == 200) {
                    readySeconds = (System.nanoTime() - t0) / 1e9;
                    break;
                }
            } catch (java.io.IOException notListeningYet) {
                // the port opens part-way through the start
            }
            Thread.sleep(10);
        }
        if (readySeconds == null) {
            throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s"
                    + (process.isAlive() ? "" : " (it exited)") + "; see " + log);
        }
        Optional<Double> quarkusSeconds = startedIn(log);
        double jvmFloor = bareJvmSeconds();
        result.row("start-up of " + name + " (launch → ready 200)", Format.number(readySeconds) + " s"
                                + quarkusSeconds.map(s -> " (Quarkus: started in " + s + " s)").orElse(""),
                        "bare JVM start (java -version): " + Format.number(jvmFloor) + " s",
                        "target ≤ " + Format.number(TARGET_SECONDS) + " s", readySeconds <= TARGET_SECONDS)
                .detail("service", name)
                .detail("pid", process.pid())
                .detail("readySeconds", Format.round(readySeconds))
                .detail("quarkusStartedInSeconds", quarkusSeconds.orElse(null))
                .detail("bareJvmSeconds", Format.round(jvmFloor));
    }

    /** Stops the process in the pid file, but only if it is a JVM running this very jar. */
    private static void stopPrevious(Path pidFile, Path jar) throws Exception {
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Path cmdline = Path.of("/proc/" + pid + "/cmdline");
        if (!Files.exists(cmdline)) {
            return;
        }
        String running = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
        if (!running.contains(jar.toString())) {
            throw new IllegalStateException("pid " + pid + " from " + pidFile + " is not running " + jar + ": "
                    + running);
        }
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

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static Optional<Double> startedIn(Path log) throws Exception {
        Matcher matcher = STARTED_IN.matcher(Files.readString(log, StandardCharsets.UTF_8));
        Double seconds = null;
        while (matcher.find()) {
            seconds = Double.parseDouble(matcher.group(1));
        }
        return Optional.ofNullable(seconds);
    }

    private static double bareJvmSeconds() throws Exception {
        long t0 = System.nanoTime();
        Processes.run(List.of("java", "-version"), 60);
        return (System.nanoTime() - t0) / 1e9;
    }
}
