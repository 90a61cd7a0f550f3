package org.centinela.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A KRaft broker of a test's own on free ports of 127.0.0.1, from the jars bin/centinela fetched into
 * {@code .run/kafka-libs} and with bin/centinela's settings, which the test stops and starts again on the same port
 * and log directory: the broker goes away and comes back with its records.
 */
final class OwnBroker implements AutoCloseable {

    private static final Path LIBS = RunningSystem.ROOT.resolve(".run/kafka-libs");

    final int port = ServiceProcess.freePort();
    private final int controllerPort = ServiceProcess.freePort();
    private final Path dir;
    private Process process;

    private OwnBroker(Path dir) {
        this.dir = dir;
    }

    /** A fresh broker under {@code dir} with these topics of {@code partitions} partitions each. */
    static OwnBroker start(Path dir, Collection<String> topics, int partitions) throws Exception {
        if (!Files.isDirectory(LIBS)) {
            throw new IllegalStateException(LIBS + " is missing: bin/centinela test-env fetches the Kafka jars");
        }
        OwnPostgres.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("data"));
        OwnBroker broker = new OwnBroker(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop));
        broker.format();
        broker.start();
        try (Admin admin = broker.admin()) {
            admin.createTopics(topics.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
        return broker;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address()));
    }

    /** Starts the broker (again) and waits until it answers on its port. */
    synchronized void start() throws Exception {
        process = java("kafka.Kafka", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!OwnPostgres.portOpen(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open " + port + "; see " + dir.resolve("kafka.log"));
            }
            Thread.sleep(200);
        }
    }

    /** Stops the broker (SIGTERM, a controlled shutdown) and waits for it to end. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void format() throws Exception {
        Files.writeString(dir.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                log.dirs=%3$s
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                min.insync.replicas=1
                group.initial.rebalance.delay.ms=0
                log.retention.ms=-1
                """.formatted(port, controllerPort, dir.resolve("data")));
        Process uuid = java("kafka.tools.StorageTool", "random-uuid").redirectErrorStream(true).start();
        String clusterId = new String(uuid.getInputStream().readAllBytes()).trim();
        Process format = java("kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId,
                "-c", dir.resolve("server.properties").toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile())).start();
        if (uuid.waitFor() != 0 || format.waitFor() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed; see " + dir.resolve("kafka.log"));
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms128m", "-Xmx384m",
                "-Dlog4j2.configurationFile=" + RunningSystem.ROOT.resolve("infra/kafka/log4j2.properties"),
                "-cp", LIBS + "/*", mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
