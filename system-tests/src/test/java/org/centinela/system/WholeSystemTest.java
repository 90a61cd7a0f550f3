package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The system as a user runs it: {@code bin/centinela start} as the README says (dev profile), then only HTTP, as a
 * coalition's coordinator, a member organisation, a team and a dashboard would use it; then {@code bin/centinela stop}.
 * A system of its own (its run directory, ports, broker and databases) so that it neither sees nor stops the test
 * broker the other tests use; e-mail goes to a real SMTP server (GreenMail).
 */
class WholeSystemTest {

    private static final String DEV_ADMIN = "dev-admin-token";
    private static final String WEBHOOK_SECRET = "whole-system-webhook-secret";

    private static Path runDir;
    private static Map<String, String> environment;
    private static String intake;
    private static String alerts;
    private static String reporting;
    private static GreenMail smtp;
    private static WebhookReceiver webhook;

    @BeforeAll
    static void startTheWayTheReadmeSays() throws Exception {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        webhook = WebhookReceiver.start();
        runDir = Path.of("target", "whole-system-run").toAbsolutePath();
        deleteRecursively(runDir);
        String suffix = RunningSystem.env("CENTINELA_TEST_DB_SUFFIX", "");
        String pg = "jdbc:postgresql://" + RunningSystem.env("PG_HOST", "127.0.0.1") + ":" + RunningSystem.env("PG_PORT", "5432") + "/";
        int kafka = freePort();
        int intakePort = freePort();
        int alertsPort = freePort();
        int reportingPort = freePort();
        environment = new HashMap<>(Map.of(
                "CENTINELA_RUN_DIR", runDir.toString(),
                "KAFKA_PORT", String.valueOf(kafka),
                "KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "CENTINELA_INTAKE_PORT", String.valueOf(intakePort),
                "CENTINELA_ALERTS_PORT", String.valueOf(alertsPort),
                "CENTINELA_REPORTING_PORT", String.valueOf(reportingPort),
                "CENTINELA_SMTP_HOST", "127.0.0.1",
                "CENTINELA_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()),
                // The dev profile keeps Quarkus' logging mock mailer; this system sends for real.
                "_DEV_QUARKUS_MAILER_MOCK", "false"));
        for (String service : List.of("intake", "alerts", "reporting")) {
            String database = "centinela_ws_" + service + suffix;
            recreate(pg, database);
            environment.put(service.toUpperCase() + "_DB_URL", pg + database);
        }
        intake = "http://127.0.0.1:" + intakePort;
        alerts = "http://127.0.0.1:" + alertsPort;
        reporting = "http://127.0.0.1:" + reportingPort;
        assertEquals(0, centinela("start"), "bin/centinela start; see " + runDir.resolve("centinela.out"));
    }

    @AfterAll
    static void stopAndLeaveNothingRunning() throws Exception {
        try {
            assertEquals(0, centinela("stop"), "bin/centinela stop");
            try (var pids = Files.list(runDir)) {
                assertEquals(List.of(), pids.filter(file -> file.toString().endsWith(".pid")).toList(),
                        "no pid file left: every process it started is stopped");
            }
            for (String url : List.of(intake, alerts, reporting)) {
                int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
                assertFalse(listening(port), url + " no longer answers");
            }
            assertFalse(listening(Integer.parseInt(environment.get("KAFKA_PORT"))), "its Kafka broker is stopped");
        } finally {
            webhook.close();
            smtp.stop();
        }
    }

    @Test
    void anUrgentIncidentReachesItsTeamByWebhookAndEmailInTheTeamsLanguageIsAcknowledgedAndCounted() throws Exception {
        String reporter = Api.as(DEV_ADMIN).body(Map.of("name", "Coordinadora Rural de Cusco", "acronym", "CRC"))
                .post(intake + "/api/v1/organisations").then().statusCode(201).extract().path("token");
        String responder = Api.as(DEV_ADMIN)
                .body(Map.of("name", "Brigada Cusco", "language", "es", "regions", List.of("PE-CUS"), "minPriority", "HIGH",
                        "channels", List.of(Map.of("type", "EMAIL", "address", "brigada@cusco.example"),
                                Map.of("type", "WEBHOOK", "url", webhook.url(), "secret", WEBHOOK_SECRET)),
                        "escalateAfterMinutes", 30))
                .post(alerts + "/api/v1/teams").then().statusCode(201).extract().path("token");
        String viewer = Api.as(DEV_ADMIN).body(Map.of("name", "Observatorio"))
                .post(reporting + "/api/v1/viewers").then().statusCode(201).extract().path("token");

        LocalDate occurredOn = LocalDate.now().minusDays(3);
        Map<String, Object> normal = IncidentBody.of(occurredOn, "PE-CUS", List.of("DEFAMATION"));
        normal.put("riskOngoing", false);
        String normalId = Api.as(reporter).body(normal).post(intake + "/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> invalid = IncidentBody.of(occurredOn, "PE-XXX", List.of("KILLING"));
        Api.as(reporter).body(invalid).post(intake + "/api/v1/incidents")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        String urgentId = Api.as(reporter).body(IncidentBody.of(occurredOn, "PE-CUS", List.of("KILLING")))
                .post(intake + "/api/v1/incidents").then().statusCode(201).extract().path("id");

        WebhookReceiver.Call call = await().atMost(Duration.ofSeconds(60)).until(
                () -> webhook.calls().stream().filter(c -> c.text().contains(urgentId)).findFirst().orElse(null),
                found -> found != null);
        assertTrue(call.signedWith(WEBHOOK_SECRET), "the webhook is signed with the team's secret");
        MimeMessage mail = await().atMost(Duration.ofSeconds(60)).until(
                () -> List.of(smtp.getReceivedMessages()).stream().findFirst().orElse(null), found -> found != null);
        assertTrue(mail.getSubject().startsWith("[Centinela] Alerta"), "in Spanish, the team's language: " + mail.getSubject());
        assertEquals("brigada@cusco.example", mail.getAllRecipients()[0].toString());

        // Only the urgent one: once alerts-service has read every incident, the normal one has no alert.
        await().atMost(Duration.ofSeconds(30)).until(() -> lag(alerts) == 0);
        Api.as(DEV_ADMIN).get(alerts + "/api/v1/alerts").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items.incidentId", not(hasItem(normalId)));
        assertEquals(1, smtp.getReceivedMessages().length, "one e-mail, for the urgent incident");
        assertTrue(webhook.calls().stream().noneMatch(c -> c.text().contains(normalId)), "no webhook for the normal one");

        String alertId = Api.as(responder).get(alerts + "/api/v1/alerts").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].incidentId", equalTo(urgentId))
                .extract().path("items[0].id");
        Api.as(responder).post(alerts + "/api/v1/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.as(DEV_ADMIN).queryParam("exact", "true").get(reporting + "/api/v1/stats/summary")
                    .then().statusCode(200).body("incidents", equalTo(2))
                    .body("byViolation.KILLING", equalTo(1)).body("byViolation.DEFAMATION", equalTo(1));
            Api.as(DEV_ADMIN).queryParam("exact", "true").get(reporting + "/api/v1/stats/alerts")
                    .then().statusCode(200).body("raised", equalTo(1)).body("acknowledged", equalTo(1))
                    .body("timeToAcknowledgeSeconds.CRITICAL.median", notNullValue());
        });
        Api.as(DEV_ADMIN).queryParam("exact", "true").get(reporting + "/api/v1/stats/export.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .body(startsWith("breakdown,key,incidents"), containsString("total,incidents,2"), containsString("byViolation,KILLING,1"));
        // The viewer's dashboard: the page, and figures protected (counts below k are not shown).
        Api.as(viewer).get(reporting + "/").then().statusCode(200).contentType(containsString("text/html"));
        Api.as(viewer).get(reporting + "/api/v1/stats/summary").then().statusCode(200).body("incidents", equalTo(null));
    }

    /** The alerts-service consumers' records waiting, from its metrics. */
    private static long lag(String service) {
        String metrics = Api.as(DEV_ADMIN).get(service + "/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("centinela_alerts_consumer_lag_records{"))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static int centinela(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(RunningSystem.ROOT.resolve("bin/centinela").toString(), command)
                .directory(RunningSystem.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("centinela.out").toFile()));
        // A user's shell, not the test JVM's: none of the test broker's or test databases' settings leak in.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !List.of("PATH", "HOME", "JAVA_HOME", "LANG", "USER", "PG_HOST", "PG_PORT",
                "CENTINELA_DB_USER", "CENTINELA_DB_PASSWORD", "MAVEN_OPTS").contains(name));
        env.putAll(environment);
        Files.createDirectories(runDir);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bin/centinela " + command + " did not end in 5 minutes");
        }
        return process.exitValue();
    }

    private static void recreate(String server, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(server + "postgres",
                RunningSystem.env("CENTINELA_DB_USER", "postgres"), RunningSystem.env("CENTINELA_DB_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
