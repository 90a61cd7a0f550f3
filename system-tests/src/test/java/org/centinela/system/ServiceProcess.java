package org.centinela.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** One Centinela service started from its built jar as a separate process, the way a user runs it. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path log;
    private Process process;

    ServiceProcess(String name, Path root) {
        this(name, name, root);
    }

    /** A service whose output goes to {@code system-tests/target/<logName>.log}. */
    ServiceProcess(String name, String logName, Path root) {
        this.name = name;
        this.port = freePort();
        this.log = root.resolve("system-tests/target/" + logName + ".log");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void start(Path root, Map<String, String> environment) throws IOException {
        Path jar = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        Files.createDirectories(log.getParent());
        if (process == null) {
            Files.deleteIfExists(log); // a fresh log per test run; restarts of this instance append to it
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: a start (and a restart after SIGKILL) costs far less CPU on a machine the tests share.
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (readinessStatus() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /**
     * Waits for the process to end by itself; its exit code, or empty when it became ready (or still ran) instead.
     */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return OptionalInt.of(process.exitValue());
            }
            if (readinessStatus() == 200) {
                return OptionalInt.empty();
            }
            Thread.sleep(200);
        }
        return OptionalInt.empty();
    }

    /** What the process has written so far. */
    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    int readinessStatus() {
        return status("/q/health/ready");
    }

    int livenessStatus() {
        return status("/q/health/live");
    }

    /** The status code of GET {@code path}; -1 when nothing answers. */
    int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                    .timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(Duration.ofSeconds(15).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The body of GET {@code path}; empty when nothing answers. */
    String body(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug ends a process: no shutdown hook runs. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
