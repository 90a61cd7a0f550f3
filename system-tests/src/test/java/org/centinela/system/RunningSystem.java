package org.centinela.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centinela.testkit.Api;

/**
 * The three services, started once for all system tests against the test broker and the centinela_it_*
 * databases (fresh for each run of bin/centinela test), and stopped when the test JVM ends.
 */
final class RunningSystem {

    static final String ADMIN_TOKEN = System.getenv("CENTINELA_ADMIN_TOKEN");
    static final String KAFKA = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    static final Path ROOT = Path.of(System.getProperty("centinela.root", "..")).toAbsolutePath().normalize();

    final ServiceProcess intake = new ServiceProcess("intake-service", ROOT);
    final ServiceProcess alerts = new ServiceProcess("alerts-service", ROOT);
    final ServiceProcess reporting = new ServiceProcess("reporting-service", ROOT);

    private static RunningSystem instance;

    static synchronized RunningSystem get() throws Exception {
        if (instance == null) {
            RunningSystem system = new RunningSystem();
            // Registered first: a service that is not ready in time must not leave the others running.
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop));
            system.start();
            instance = system;
        }
        return instance;
    }

    /** The public API of these three processes. */
    Api api() {
        return Api.at(intake.url(""), alerts.url(""), reporting.url(""));
    }

    List<ServiceProcess> services() {
        return List.of(intake, alerts, reporting);
    }

    private void start() throws Exception {
        for (ServiceProcess service : services()) {
            service.start(ROOT, environment(service));
        }
        for (ServiceProcess service : services()) {
            service.awaitReady(Duration.ofSeconds(90));
        }
    }

    private Map<String, String> environment(ServiceProcess service) {
        Map<String, String> env = baseEnvironment();
        env.put("CENTINELA_INTAKE_BASE_URL", "http://127.0.0.1:" + intake.port);
        env.put("CENTINELA_ALERTS_BASE_URL", "http://127.0.0.1:" + alerts.port);
        return env;
    }

    /**
     * What every service of a test system is started with: the prod profile, the test broker and databases, the
     * test credentials, and webhooks to this machine allowed (the tests' receivers listen on 127.0.0.1).
     */
    static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        env.put("CENTINELA_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("CENTINELA_TOKEN_SIGNING_KEY", System.getenv("CENTINELA_TOKEN_SIGNING_KEY"));
        env.put("CENTINELA_ENCRYPTION_KEY", System.getenv("CENTINELA_ENCRYPTION_KEY"));
        env.put("INTAKE_DB_URL", databaseUrl("intake"));
        env.put("ALERTS_DB_URL", databaseUrl("alerts"));
        env.put("REPORTING_DB_URL", databaseUrl("reporting"));
        env.put("CENTINELA_WEBHOOK_ALLOW_PRIVATE", "true");
        env.put("QUARKUS_PROFILE", "prod");
        return env;
    }

    /** The centinela_it_* database of a service on the server bin/centinela test prepared (PG_HOST, PG_PORT). */
    static String databaseUrl(String service) {
        return "jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432") + "/centinela_it_"
                + service + env("CENTINELA_TEST_DB_SUFFIX", "");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    void stop() {
        services().forEach(ServiceProcess::stop);
    }
}
