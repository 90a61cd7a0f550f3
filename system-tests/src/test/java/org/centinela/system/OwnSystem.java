package org.centinela.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.centinela.contract.Topics;
import org.centinela.testkit.Api;

/**
 * The three services as processes against a PostgreSQL of the test's own ({@link OwnPostgres}, which the test may
 * stop) and a broker (the test broker behind a fresh topic prefix, or an {@link OwnBroker}), plus any second
 * instances of a service. Nothing is shared with {@link RunningSystem}.
 */
final class OwnSystem implements AutoCloseable {

    static final List<String> TOPICS = List.of(Topics.INCIDENTS, Topics.deadLetter(Topics.INCIDENTS),
            Topics.ALERTS, Topics.deadLetter(Topics.ALERTS), Topics.PRINCIPALS, Topics.deadLetter(Topics.PRINCIPALS));
    static final List<String> DATABASES = List.of("centinela_intake", "centinela_alerts", "centinela_reporting");

    final OwnPostgres postgres;
    final String topicPrefix;
    final ServiceProcess intake;
    final ServiceProcess alerts;
    final ServiceProcess reporting;
    private final String name;
    private final List<ServiceProcess> processes = new CopyOnWriteArrayList<>();
    private final Map<String, String> settings;
    private volatile String kafka;

    private OwnSystem(String name, OwnPostgres postgres, String kafka, String topicPrefix, Map<String, String> settings) {
        this.name = name;
        this.settings = Map.copyOf(settings);
        this.postgres = postgres;
        this.kafka = kafka;
        this.topicPrefix = topicPrefix;
        this.intake = process("intake-service");
        this.alerts = process("alerts-service");
        this.reporting = process("reporting-service");
    }

    /**
     * Its own PostgreSQL (under {@code system-tests/target/<name>/postgres}), and topics of {@code partitions}
     * partitions behind a fresh prefix on the test broker; the three services started and ready.
     */
    static OwnSystem onTestBroker(String name, int partitions) throws Exception {
        return onTestBroker(name, partitions, Map.of());
    }

    /** As {@link #onTestBroker(String, int)}, every process with these environment variables too. */
    static OwnSystem onTestBroker(String name, int partitions, Map<String, String> settings) throws Exception {
        String prefix = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.KAFKA))) {
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(prefix + topic, partitions, (short) 1)).toList())
                    .all().get(60, TimeUnit.SECONDS);
        }
        return started(name, RunningSystem.KAFKA, prefix, settings);
    }

    /**
     * Its own PostgreSQL and the broker at {@code kafka}, whose topics have no prefix; {@code seconds} are services
     * of which a second process starts at the same time as the first ones.
     */
    static OwnSystem onBroker(String name, String kafka, Map<String, String> settings, List<String> seconds)
            throws Exception {
        return started(name, kafka, "", settings, seconds);
    }

    private static OwnSystem started(String name, String kafka, String prefix, Map<String, String> settings)
            throws Exception {
        return started(name, kafka, prefix, settings, List.of());
    }

    private static OwnSystem started(String name, String kafka, String prefix, Map<String, String> settings,
                                     List<String> seconds) throws Exception {
        OwnPostgres postgres = OwnPostgres.start(RunningSystem.ROOT.resolve("system-tests/target/" + name + "/postgres"));
        postgres.createDatabases(DATABASES);
        OwnSystem system = new OwnSystem(name, postgres, kafka, prefix, settings);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        seconds.forEach(system::process);
        for (ServiceProcess service : system.services()) {
            system.start(service);
        }
        system.awaitReady();
        return system;
    }

    Api api() {
        return Api.at(intake.url(""), alerts.url(""), reporting.url(""));
    }

    /** The processes of {@code service} (e.g. both alerts-service processes). */
    List<ServiceProcess> processesOf(String service) {
        return processes.stream().filter(process -> process.name.equals(service)).toList();
    }

    /** Every process of this system, second instances included. */
    List<ServiceProcess> services() {
        return List.copyOf(processes);
    }

    /** One more process of {@code service} (e.g. a second alerts-service), started and ready. */
    ServiceProcess second(String service) throws Exception {
        ServiceProcess process = process(service);
        start(process);
        process.awaitReady(Duration.ofSeconds(120));
        return process;
    }

    /** Stops a process for good (e.g. a second instance whose part of the run is over). */
    void retire(ServiceProcess service) {
        service.stop();
        processes.remove(service);
    }

    /** Starts (or starts again) this process with the system's environment. */
    void start(ServiceProcess service) throws Exception {
        service.start(RunningSystem.ROOT, environment());
    }

    /** From now on, processes (re)started reach Kafka at {@code address}: e.g. a closed port. */
    void kafkaAt(String address) {
        this.kafka = address;
    }

    void awaitReady() throws InterruptedException {
        for (ServiceProcess service : services()) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(RunningSystem.baseEnvironment());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("CENTINELA_TOPIC_PREFIX", topicPrefix);
        env.put("INTAKE_DB_URL", postgres.jdbcUrl("centinela_intake"));
        env.put("ALERTS_DB_URL", postgres.jdbcUrl("centinela_alerts"));
        env.put("REPORTING_DB_URL", postgres.jdbcUrl("centinela_reporting"));
        env.put("CENTINELA_DB_USER", "postgres");
        env.put("CENTINELA_DB_PASSWORD", "");
        env.put("CENTINELA_INTAKE_BASE_URL", intake.url(""));
        env.put("CENTINELA_ALERTS_BASE_URL", alerts.url(""));
        env.putAll(settings);
        return env;
    }

    @Override
    public void close() {
        services().forEach(ServiceProcess::stop);
        postgres.stop();
    }

    private ServiceProcess process(String service) {
        long same = processes.stream().filter(process -> process.name.equals(service)).count();
        ServiceProcess process = new ServiceProcess(service, name + "/" + service + (same == 0 ? "" : "-" + (same + 1)),
                RunningSystem.ROOT);
        processes.add(process);
        return process;
    }
}
