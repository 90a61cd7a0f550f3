package org.centinela.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.centinela.testkit.WebhookReceiver;

/**
 * {@code bin/centinela faults [--quick]}: a broker and a PostgreSQL of its own on 127.0.0.1, the three services and
 * a second alerts-service and reporting-service; while {@link LoadGenerator} posts incidents, it kills each service
 * with SIGKILL and starts it again, restarts the broker and PostgreSQL and stops the second instances; then
 * {@link FaultChecks} says what was lost or doubled. The last line is {@code N passed, N failed}; the exit code is 0
 * only when every check passed. Everything it starts is stopped when it ends.
 */
public final class FaultRunner {

    private static final String STEADY = "steady";
    private static final String BROKER_DOWN = "broker restart";
    private static final String POSTGRES_DOWN = "PostgreSQL restart";

    private final boolean quick;
    private final int incidents;
    private final AtomicReference<String> phase = new AtomicReference<>(STEADY);
    private final long started = System.nanoTime();

    private FaultRunner(boolean quick, int incidents) {
        this.quick = quick;
        this.incidents = incidents;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int incidents = quick ? 1_000 : 10_000;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--incidents")) {
                incidents = Integer.parseInt(args[i + 1]);
            }
        }
        int failed;
        try {
            failed = new FaultRunner(quick, incidents).run();
        } catch (Exception e) {
            e.printStackTrace();
            System.out.println("0 passed, 1 failed");
            failed = 1;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private int run() throws Exception {
        var target = RunningSystem.ROOT.resolve("system-tests/target/faults");
        log("starting a broker, PostgreSQL and the services of the fault run (logs in " + RunningSystem.ROOT.relativize(target) + ")");
        try (WebhookReceiver receiver = WebhookReceiver.start();
             OwnBroker broker = OwnBroker.start(target.resolve("kafka"), OwnSystem.TOPICS, 3);
             OwnSystem system = OwnSystem.onBroker("faults", broker.address(), Map.of(
                     "CENTINELA_RATE_LIMIT_PER_MINUTE", "10000000",
                     "CENTINELA_DELIVERY_RETRY_BASE", "PT1S",
                     "CENTINELA_DELIVERY_RETRY_CAP", "PT5S"), List.of("alerts-service", "reporting-service"))) {
            Set<UUID> urgentTeams = Set.of(
                    system.api().createTeam(LoadGenerator.URGENT_REGION, "es", "HIGH", null, receiver).id(),
                    system.api().createTeam(LoadGenerator.URGENT_REGION, "en", "CRITICAL", null, receiver).id());
            system.api().createTeam(LoadGenerator.NORMAL_REGIONS.get(0), "es", "CRITICAL", null, receiver);
            String reporter = system.api().createOrganisation("Coordinadora de la prueba de fallos").token();
            List<ServiceProcess> seconds = List.of(system.processesOf("alerts-service").get(1),
                    system.processesOf("reporting-service").get(1));

            LoadGenerator load = new LoadGenerator(system.intake.url(""), reporter, phase::get);
            Duration loadTime = Duration.ofSeconds(quick ? 90 : 420);
            log("posting " + incidents + " incidents over about " + loadTime.toSeconds() + " s");
            load.start(incidents, loadTime, quick ? 6 : 8);

            Thread.sleep(5_000); // some steady load first
            for (int round = 0; round < (quick ? 1 : 2); round++) {
                fault(POSTGRES_DOWN, () -> {
                    system.postgres.stop();
                    system.postgres.start();
                    system.awaitReady();
                });
                fault(BROKER_DOWN, () -> {
                    broker.stop();
                    broker.start();
                    system.awaitReady();
                });
                for (ServiceProcess service : List.of(system.intake, system.alerts, system.reporting)) {
                    fault("SIGKILL " + service.name, () -> {
                        service.kill();
                        system.start(service);
                        service.awaitReady(Duration.ofSeconds(120));
                    });
                }
                if (round == 0) {
                    fault("second instances stopped", () -> seconds.forEach(system::retire));
                }
            }
            if (!load.awaitDone(Duration.ofMinutes(quick ? 3 : 10))) {
                log("the load generator did not finish in time");
            }
            log("load done: " + load.outcomes.size() + " incidents; waiting for alerts, deliveries and figures to settle");
            FaultChecks checks = new FaultChecks(system, broker.address(), load, receiver, urgentTeams,
                    Set.of(BROKER_DOWN, POSTGRES_DOWN));
            return report(checks.settled(Duration.ofSeconds(quick ? 60 : 180)), checks.figures);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a fault and its recovery under a phase name: answers during it are counted under that name. */
    private void fault(String name, Step step) throws Exception {
        Instant start = Instant.now();
        phase.set(name);
        try {
            step.run();
        } finally {
            phase.set(STEADY);
        }
        log(name + ": back after " + Duration.between(start, Instant.now()).toMillis() / 1000.0 + " s");
    }

    private int report(List<FaultChecks.Check> checks, Map<String, Long> figures) {
        System.out.println();
        figures.forEach((name, value) -> System.out.printf("  %-28s %d%n", name, value));
        System.out.printf("  %-28s %.0f s%n", "wall time", (System.nanoTime() - started) / 1e9);
        System.out.println();
        int failed = 0;
        for (FaultChecks.Check check : checks) {
            System.out.println((check.passed() ? "PASS  " : "FAIL  ") + check.name() + " (" + check.detail() + ")");
            failed += check.passed() ? 0 : 1;
        }
        System.out.println((checks.size() - failed) + " passed, " + failed + " failed");
        return failed;
    }

    private void log(String message) {
        System.out.printf("[faults %5.0f s] %s%n", (System.nanoTime() - started) / 1e9, message);
    }
}
