package org.centinela.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of a test's own on a free port of 127.0.0.1 (bin/centinela's embedded one:
 * {@code infra/postgres/PgTool.java serve}, zonky's binaries), which the test stops and starts again on the same port
 * and data directory: a real database outage that the shared server on 5432 never sees.
 */
final class OwnPostgres implements AutoCloseable {

    private static final Path LIBS = RunningSystem.ROOT.resolve(".run/postgres-libs");

    final int port;
    private final Path dataDir;
    private final Path log;
    private Process process;

    private OwnPostgres(Path dir) {
        this.port = ServiceProcess.freePort();
        this.dataDir = dir.resolve("data");
        this.log = dir.resolve("postgres.log");
    }

    /** A fresh server under {@code dir} (emptied first), started; stopped when the test JVM ends at the latest. */
    static OwnPostgres start(Path dir) throws Exception {
        if (!Files.isDirectory(LIBS)) {
            throw new IllegalStateException(LIBS + " is missing: bin/centinela test-env fetches the embedded PostgreSQL");
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        OwnPostgres postgres = new OwnPostgres(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
        postgres.start();
        return postgres;
    }

    /** host:port, as PgTool and JDBC URLs take it. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** Starts the server (again) on its port and data directory and waits until it accepts connections. */
    synchronized void start() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-cp", LIBS + "/*", RunningSystem.ROOT.resolve("infra/postgres/PgTool.java").toString(),
                "serve", String.valueOf(port), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("embedded PostgreSQL did not start on " + port + "; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /**
     * Stops the server as an operator's restart does (fast shutdown: open connections are cut) and waits until the
     * port is closed.
     */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy(); // PgTool's shutdown hook stops PostgreSQL before the JVM ends
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void createDatabases(List<String> names) throws SQLException {
        try (Connection server = connect("postgres"); Statement statement = server.createStatement()) {
            for (String name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    @Override
    public void close() {
        stop();
    }

    private boolean accepts() {
        try (Connection ignored = connect("postgres")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
