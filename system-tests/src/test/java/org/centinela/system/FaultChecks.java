package org.centinela.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.testkit.Api;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;

/**
 * What the fault run must leave behind, read from intake's, alerts' and reporting's own stores, the incidents topic
 * and the teams' webhook receiver: nothing lost, nothing doubled, every urgent incident alerted and delivered, and
 * the client never given a 5xx outside a dependency's outage or kept waiting over 10 s.
 */
final class FaultChecks {

    record Check(String name, boolean passed, String detail) {
    }

    private final OwnSystem system;
    private final String kafka;
    private final LoadGenerator load;
    private final WebhookReceiver receiver;
    private final Set<UUID> urgentTeams;
    private final Set<String> dependencyPhases;
    final Map<String, Long> figures = new LinkedHashMap<>();

    FaultChecks(OwnSystem system, String kafka, LoadGenerator load, WebhookReceiver receiver, Set<UUID> urgentTeams,
                Set<String> dependencyPhases) {
        this.system = system;
        this.kafka = kafka;
        this.load = load;
        this.receiver = receiver;
        this.urgentTeams = urgentTeams;
        this.dependencyPhases = dependencyPhases;
    }

    /** Every check, as things stand now. */
    List<Check> run() throws Exception {
        List<Check> checks = new ArrayList<>();
        Map<String, Boolean> accepted = new HashMap<>(); // incident id → urgent
        long rejected = 0;
        for (LoadGenerator.Outcome outcome : load.outcomes.values()) {
            if (outcome.id() != null) {
                accepted.put(outcome.id(), outcome.urgent());
            } else {
                rejected++;
            }
        }
        figures.put("posted", (long) load.outcomes.size());
        figures.put("accepted", (long) accepted.size());
        checks.add(new Check("every posted incident was answered 201", rejected == 0 && accepted.size() == load.outcomes.size(),
                rejected + " not accepted"));

        Set<String> inIntake = ids(system.postgres, "centinela_intake", "SELECT id FROM incident");
        Set<String> lost = new HashSet<>(accepted.keySet());
        lost.removeAll(inIntake);
        figures.put("lost", (long) lost.size());
        figures.put("doubled", (long) (inIntake.size() - (accepted.size() - lost.size())));
        checks.add(new Check("every incident answered 201 is in intake", lost.isEmpty(), lost.size() + " lost"));
        checks.add(new Check("intake holds no incident twice", inIntake.size() == accepted.size() - lost.size(),
                inIntake.size() + " incidents in intake for " + accepted.size() + " accepted"));

        checks.addAll(topic(accepted.keySet()));
        checks.add(stats(accepted.size()));
        checks.addAll(alerts(accepted));
        checks.addAll(answers());
        return checks;
    }

    private List<Check> topic(Set<String> accepted) {
        List<ConsumerRecord<String, byte[]>> records;
        try (TopicReader reader = TopicReader.fromBeginning(kafka, Topics.INCIDENTS)) {
            records = reader.drain();
        }
        Map<String, Long> copiesById = records.stream().collect(Collectors.groupingBy(
                record -> TopicReader.header(record, CloudEventHeaders.ID), Collectors.counting()));
        Map<String, Set<String>> reportedIds = records.stream()
                .filter(record -> EventTypes.INCIDENT_REPORTED.equals(TopicReader.header(record, CloudEventHeaders.TYPE)))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(record -> TopicReader.header(record, CloudEventHeaders.ID), Collectors.toSet())));
        long sameIdCopies = copiesById.values().stream().mapToLong(copies -> copies - 1).sum();
        long missing = accepted.stream().filter(id -> !reportedIds.containsKey(id)).count();
        long twice = reportedIds.values().stream().filter(ids -> ids.size() > 1).count();
        figures.put("events", (long) copiesById.size());
        figures.put("same-id redeliveries", sameIdCopies);
        return List.of(
                new Check("each accepted incident's incident.reported is on " + Topics.INCIDENTS, missing == 0, missing + " missing"),
                new Check("no incident reported under two event ids", twice == 0,
                        twice + " doubled; " + sameIdCopies + " same-id redeliveries (allowed)"));
    }

    private Check stats(int accepted) {
        int counted = Api.asAdmin().queryParam("from", load.firstDay.toString())
                .queryParam("to", load.firstDay.plusDays(LoadGenerator.DAYS - 1).toString()).queryParam("exact", "true")
                .get(system.reporting.url("/api/v1/stats/summary")).then().statusCode(200).extract().path("incidents");
        figures.put("counted", (long) counted);
        return new Check("the exact stats count each accepted incident once", counted == accepted,
                counted + " counted for " + accepted + " accepted");
    }

    private List<Check> alerts(Map<String, Boolean> accepted) throws SQLException {
        Map<String, List<String>> teamsByIncident = new HashMap<>();
        Map<String, String> statusByDelivery = new HashMap<>();
        Set<String> alertsWithDelivery = new HashSet<>();
        long alertCount = 0;
        try (Connection connection = system.postgres.connect("centinela_alerts"); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT incident_id, team_id FROM alert")) {
                while (rows.next()) {
                    alertCount++;
                    teamsByIncident.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT d.id, d.status, d.alert_id FROM delivery d
                    WHERE d.channel = 'WEBHOOK' AND d.event = 'alert.raised'""")) {
                while (rows.next()) {
                    statusByDelivery.put(rows.getString(1), rows.getString(2));
                    if ("DELIVERED".equals(rows.getString(2))) {
                        alertsWithDelivery.add(rows.getString(3));
                    }
                }
            }
        }
        Set<String> expectedTeams = urgentTeams.stream().map(UUID::toString).collect(Collectors.toSet());
        long urgent = accepted.values().stream().filter(Boolean::booleanValue).count();
        long wrong = accepted.entrySet().stream().filter(incident -> {
            List<String> teams = teamsByIncident.getOrDefault(incident.getKey(), List.of());
            return incident.getValue() ? teams.size() != expectedTeams.size() || !expectedTeams.containsAll(teams) : !teams.isEmpty();
        }).count();
        Set<String> received = receiver.calls().stream().map(call -> call.header("X-Centinela-Delivery")).collect(Collectors.toSet());
        long notReceived = statusByDelivery.entrySet().stream()
                .filter(delivery -> "DELIVERED".equals(delivery.getValue()) && !received.contains(delivery.getKey())).count();
        long undelivered = alertCount - alertsWithDelivery.size();
        figures.put("alerts", alertCount);
        figures.put("webhook deliveries", (long) statusByDelivery.size());
        figures.put("webhook calls received", (long) receiver.calls().size());
        return List.of(
                new Check("every urgent incident has exactly one alert per matching team, others none", wrong == 0,
                        alertCount + " alerts for " + urgent + " urgent incidents x " + expectedTeams.size() + " teams; " + wrong + " wrong"),
                new Check("no alert left undelivered", undelivered == 0, undelivered + " alerts without a delivered webhook"),
                new Check("each delivered webhook reached the receiver", notReceived == 0, notReceived + " not received"));
    }

    private List<Check> answers() {
        Map<String, Long> fiveHundreds = new TreeMap<>();
        long outsideOutage = 0;
        long without503AndRetryAfter = 0;
        long hangs = 0;
        long networkErrors = 0;
        Map<String, Long> hangsByPhase = new TreeMap<>();
        for (LoadGenerator.Answer answer : load.answers) {
            // An answer sent or received while a dependency was down belongs to that outage.
            String phase = answer.phaseAmong(dependencyPhases);
            if (answer.status() == -2) {
                hangs++;
                hangsByPhase.merge(phase, 1L, Long::sum);
            } else if (answer.status() == -1) {
                networkErrors++;
            } else if (answer.status() >= 500) {
                fiveHundreds.merge(phase, 1L, Long::sum);
                outsideOutage += dependencyPhases.contains(phase) ? 0 : 1;
                without503AndRetryAfter += answer.status() == 503 && answer.retryAfter() ? 0 : 1;
            }
        }
        figures.put("network errors (retried)", networkErrors);
        fiveHundreds.forEach((phase, count) -> figures.put("5xx during " + phase, count));
        return List.of(
                new Check("5xx only while a dependency was down", outsideOutage == 0, "5xx by phase " + fiveHundreds),
                new Check("every 5xx is 503 with Retry-After", without503AndRetryAfter == 0, without503AndRetryAfter + " other 5xx"),
                new Check("no answer took over 10 s", hangs == 0, hangs + " requests without an answer in 10 s, by phase " + hangsByPhase));
    }

    private static Set<String> ids(OwnPostgres postgres, String database, String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Checks again until all pass or {@code timeout} ends (alerts, deliveries and figures settle after the load). */
    List<Check> settled(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Check> checks = run();
        while (checks.stream().anyMatch(check -> !check.passed()) && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            checks = run();
        }
        return checks;
    }
}
