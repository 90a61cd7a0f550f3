package org.centinela.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.centinela.demo.api.ApiException;
import org.centinela.demo.api.CentinelaApi;
import org.centinela.demo.dataset.IncidentGenerator;
import org.centinela.demo.seed.DemoPrincipals;
import org.centinela.demo.seed.DemoState;
import org.centinela.demo.seed.DemoTeams;
import org.centinela.demo.seed.Seeder;

/**
 * {@code bin/centinela demo}: a demo organisation, two teams and a viewer, then the synthetic dataset posted through
 * the public API with a progress bar; at the end the viewer's token and the dashboard's address. Talks to the
 * services as any client would: the admin token from {@code CENTINELA_ADMIN_TOKEN} (the dev profile's
 * {@code dev-admin-token} when unset), every request retried as {@code RetryPolicy} says.
 */
public final class Demo {

    /** "Not in the future" is judged in this zone by default (SPEC §9), so the dataset's last day is today here. */
    private static final ZoneId INTAKE_TIME_ZONE = ZoneId.of("America/Lima");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        String adminToken = System.getenv().getOrDefault("CENTINELA_ADMIN_TOKEN", "dev-admin-token");
        try {
            run(options, adminToken.isBlank() ? "dev-admin-token" : adminToken);
        } catch (ApiException e) {
            System.err.println("[demo] failed: " + e.getMessage());
            if (e.status() == 401) {
                System.err.println("[demo] is CENTINELA_ADMIN_TOKEN the services' admin token?");
            }
            System.exit(1);
        }
    }

    private static void run(DemoOptions options, String adminToken) throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        CentinelaApi api = new CentinelaApi(new CentinelaApi.Endpoints(options.intake(), options.alerts(), options.reporting()),
                adminToken);
        for (String notReady : api.awaitReady(Duration.ofSeconds(60))) {
            System.err.println("[demo] warning: " + notReady + " (going on: its API answers)");
        }
        DemoState state = DemoState.load(options.stateFile(), LocalDate.now(INTAKE_TIME_ZONE));
        String secret = Files.readString(options.webhookSecretFile()).strip();
        state = new DemoPrincipals(api, options.stateFile(), message -> System.err.println("[demo] " + message))
                .ensure(state, options.webhookUrl().toString(), secret);
        String reporter = state.organisation().token();

        long before = api.count(reporter);
        Seeder seeder = new Seeder(api, reporter, new IncidentGenerator(options.seed(), state.until()), options.workers(),
                System.err, System.console() != null);
        Seeder.Result result = seeder.seed(options.incidents());
        long after = api.count(reporter);
        double seconds = (System.nanoTime() - startedAt) / 1e9;

        String dashboard = options.reporting().resolve("/") + "#token=" + state.viewer().token();
        System.out.printf("""

                Demo data ready in %.1f s (seed %d: %d incidents that occurred %s..%s, across Peru's 26 regions).
                  organisation   %d incidents (%d new in this run); %d justice-status updates (%d new in this run)%s
                  teams          webhook to %s (regions of the north and the Amazon), e-mail to %s (the others)
                  viewer token   %s
                  dashboard      %s
                  state          %s (the demo's tokens; a rerun with the same seed adds nothing)
                """, seconds, options.seed(), result.incidents(), IncidentGenerator.FIRST_DAY, state.until(), after,
                after - before, result.updates(), result.updatesPosted(),
                api.rateLimited() == 0 ? "" : "; waited out " + api.rateLimited() + " rate-limit answers (429)",
                options.webhookUrl(), DemoTeams.EMAIL_ADDRESS, state.viewer().token(), dashboard,
                options.stateFile());
    }
}
