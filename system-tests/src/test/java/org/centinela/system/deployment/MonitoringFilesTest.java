package org.centinela.system.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/prometheus/centinela-rules.yml and deploy/grafana/centinela-dashboard.json parse, and every metric they name
 * is one the services export (Prometheus form): a renamed metric fails here, not silently at 3 a.m.
 */
class MonitoringFilesTest {

    /** What the services export at /q/metrics, plus the standard ones of Quarkus Micrometer and Prometheus. */
    static final Set<String> EXPORTED = exported();

    @Test
    void theRulesFileParsesAndEachRuleHasAnExpressionASeverityAndASummary() {
        List<Map<String, Object>> rules = rules();

        assertFalse(rules.isEmpty());
        for (Map<String, Object> rule : rules) {
            String alert = String.valueOf(rule.get("alert"));
            assertNotNull(rule.get("alert"), "every rule is an alerting rule: " + rule);
            assertNotNull(rule.get("expr"), alert);
            assertTrue(Set.of("warning", "critical").contains(((Map<?, ?>) rule.get("labels")).get("severity")), alert);
            assertNotNull(((Map<?, ?>) rule.get("annotations")).get("summary"), alert);
        }
    }

    @Test
    void everyMetricTheRulesNameIsExported() {
        Set<String> unknown = new TreeSet<>();
        rules().forEach(rule -> unknown.addAll(notExported(String.valueOf(rule.get("expr")))));

        assertTrue(unknown.isEmpty(), "rules name metrics no service exports: " + unknown);
    }

    @Test
    void theRulesWatchTheOutboxTheConsumersTheDeadLettersTheDeliveriesAndOverdueAlerts() {
        Set<String> named = new TreeSet<>();
        rules().forEach(rule -> named.addAll(PromQl.metrics(String.valueOf(rule.get("expr")))));

        for (String needed : List.of("centinela_intake_outbox_backlog_events", "centinela_intake_outbox_oldest_unsent_age_seconds",
                "centinela_alerts_outbox_backlog_events", "centinela_alerts_outbox_oldest_unsent_age_seconds",
                "centinela_intake_consumer_lag_records", "centinela_alerts_consumer_lag_records",
                "centinela_reporting_consumer_lag_records", "centinela_intake_consumer_since_progress_seconds",
                "centinela_alerts_consumer_since_progress_seconds", "centinela_reporting_consumer_since_progress_seconds",
                "centinela_intake_consumer_dead_lettered_records_total", "centinela_alerts_consumer_dead_lettered_records_total",
                "centinela_reporting_consumer_dead_lettered_records_total", "centinela_alerts_delivery_failures_total",
                "centinela_alerts_overdue_alerts", "up")) {
            assertTrue(named.contains(needed), "no rule watches " + needed);
        }
    }

    @Test
    void theDashboardParsesAndEveryMetricItsPanelsNameIsExported() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Checkout.read("deploy/grafana/centinela-dashboard.json"));
        List<String> expressions = new ArrayList<>();
        dashboard.findValues("targets").forEach(targets -> targets.forEach(target -> expressions.add(target.path("expr").asText())));

        assertFalse(dashboard.path("title").asText().isEmpty());
        assertTrue(expressions.size() >= 10, "a dashboard worth opening: " + expressions.size() + " queries");
        Set<String> unknown = new TreeSet<>();
        expressions.forEach(expression -> {
            assertFalse(PromQl.metrics(expression).isEmpty(), "a panel query that reads no metric: " + expression);
            unknown.addAll(notExported(expression));
        });
        assertTrue(unknown.isEmpty(), "dashboard names metrics no service exports: " + unknown);
    }

    @Test
    void theRulesPassTheirPromtoolUnitTests() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("promtool", "test", "rules", "centinela-rules.test.yml")
                .directory(Checkout.path("deploy/prometheus").toFile()).redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("promtool is not installed; on Debian: apt-get install -y --no-install-recommends "
                    + "prometheus (.ci/run installs it)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), "promtool test rules deploy/prometheus/centinela-rules.test.yml:\n" + output);
    }

    @Test
    void theMetricNameCheckCatchesAMisspeltMetric() {
        assertEquals(Set.of("centinela_alerts_overdue_alert"),
                notExported("max(centinela_alerts_overdue_alert) > 0 and on (job) up{job=\"x\"} == 1"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> file = new Yaml().load(Checkout.read("deploy/prometheus/centinela-rules.yml"));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            assertNotNull(group.get("name"), "every group is named");
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static Set<String> notExported(String expression) {
        Set<String> unknown = new TreeSet<>(PromQl.metrics(expression));
        unknown.removeAll(EXPORTED);
        return unknown;
    }

    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (String service : List.of("intake", "alerts", "reporting")) {
            String prefix = "centinela_" + service + "_consumer_";
            names.addAll(List.of(prefix + "processed_records_total", prefix + "retries_total",
                    prefix + "dead_lettered_records_total", prefix + "lag_records", prefix + "since_progress_seconds"));
        }
        for (String service : List.of("intake", "alerts")) {
            String prefix = "centinela_" + service + "_outbox_";
            names.addAll(List.of(prefix + "published_events_total", prefix + "publish_failures_total",
                    prefix + "backlog_events", prefix + "oldest_unsent_age_seconds"));
        }
        names.addAll(List.of("centinela_alerts_alerts_raised_total", "centinela_alerts_open_alerts",
                "centinela_alerts_overdue_alerts", "centinela_alerts_delivery_attempts_total",
                "centinela_alerts_delivery_failures_total"));
        names.addAll(List.of("centinela_intake_incidents_reported_total", "centinela_intake_rate_limited_requests_total",
                "centinela_intake_idempotent_replays_total"));
        for (String suffix : List.of("_count", "_sum", "_max")) {
            names.add("centinela_reporting_batch_apply_seconds" + suffix);
            names.add("http_server_requests_seconds" + suffix);
        }
        names.addAll(List.of("up", "jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_gc_pause_seconds_sum",
                "jvm_gc_pause_seconds_count", "jvm_threads_live_threads", "process_cpu_usage", "process_uptime_seconds"));
        return Set.copyOf(names);
    }
}
