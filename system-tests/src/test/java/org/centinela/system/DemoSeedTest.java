package org.centinela.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.centinela.demo.api.CentinelaApi;
import org.centinela.demo.dataset.IncidentGenerator;
import org.centinela.demo.seed.DemoPrincipals;
import org.centinela.demo.seed.DemoState;
import org.centinela.demo.seed.Seeder;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/centinela demo's seeding against the three services: its principals, its incidents, and a rerun adds nothing. */
class DemoSeedTest {

    private static final int INCIDENTS = 60;
    private static final PrintStream NO_PROGRESS = new PrintStream(OutputStream.nullOutputStream());
    /** Intake judges "not in the future" here (SPEC §9): the dataset ends today in Lima. */
    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    private static RunningSystem system;
    private static WebhookReceiver webhook;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.get();
        webhook = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        webhook.close();
    }

    @Test
    void aSecondRunWithTheSameSeedAndStateAddsNoIncidentAndNoUpdate() throws Exception {
        CentinelaApi api = new CentinelaApi(new CentinelaApi.Endpoints(URI.create(system.intake.url("")),
                URI.create(system.alerts.url("")), URI.create(system.reporting.url(""))), RunningSystem.ADMIN_TOKEN);
        Path stateFile = directory.resolve("state.json");
        long seed = System.nanoTime();

        Seeder.Result first = seed(api, stateFile, seed);
        DemoState state = DemoState.load(stateFile, LocalDate.now(LIMA));
        long afterFirst = api.count(state.organisation().token());
        Seeder.Result second = seed(api, stateFile, seed);

        assertEquals(INCIDENTS, afterFirst, "the first run posts the dataset");
        assertEquals(first.updates(), first.updatesPosted(), "and all its updates");
        assertEquals(INCIDENTS, api.count(state.organisation().token()), "the rerun is answered with replays");
        assertEquals(0, second.updatesPosted(), "the rerun posts no update again");
        assertEquals(state, DemoState.load(stateFile, LocalDate.now(LIMA)), "the rerun reuses the organisation, teams and viewer");
        assertTrue(api.viewerTokenWorks(state.viewer().token()), "the viewer token printed at the end opens the statistics");
    }

    private static Seeder.Result seed(CentinelaApi api, Path stateFile, long seed) throws Exception {
        api.awaitReady(Duration.ofSeconds(30));
        DemoState state = new DemoPrincipals(api, stateFile, message -> { })
                .ensure(DemoState.load(stateFile, LocalDate.now(LIMA)), webhook.url(), "demo-webhook-secret");
        return new Seeder(api, state.organisation().token(), new IncidentGenerator(seed, state.until()), 4, NO_PROGRESS, false)
                .seed(INCIDENTS);
    }
}
