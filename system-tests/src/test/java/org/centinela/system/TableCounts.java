package org.centinela.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The row count of the tables requests write in the three services' test databases, to show they wrote nothing. */
final class TableCounts {

    private TableCounts() {
    }

    /**
     * Tables no request writes: what consumers derive from the topics and timed jobs write (deliveries, retries,
     * escalations of earlier tests' alerts go on while the suite runs). Whatever a request could write lands first in
     * a counted table (an organisation, an incident and its outbox row, a team, a viewer, a rebuild run); only an
     * acknowledgement's event would go to alerts' outbox, and the suite's alert ids are all unknown.
     */
    private static final Set<String> FED_BY_EVENTS_AND_TIMERS = Set.of(
            "alerts.alert", "alerts.delivery", "alerts.delivery_attempt", "alerts.digest_entry", "alerts.digest_run",
            "alerts.incident", "alerts.outbox", "alerts.processed_event", "intake.incident_access",
            "reporting.aggregate_state", "reporting.alert_fact", "reporting.incident_cell", "reporting.incident_fact",
            "reporting.processed_event");

    /** {@code service.table} → rows, for the tables of intake, alerts and reporting that requests write. */
    static Map<String, Long> now() {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : List.of("intake", "alerts", "reporting")) {
            try (Connection connection = DriverManager.getConnection(RunningSystem.databaseUrl(service),
                    RunningSystem.env("CENTINELA_DB_USER", "postgres"), RunningSystem.env("CENTINELA_DB_PASSWORD", ""));
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                tables.removeIf(table -> FED_BY_EVENTS_AND_TIMERS.contains(service + "." + table));
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                        rows.next();
                        counts.put(service + "." + table, rows.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(service, e);
            }
        }
        return counts;
    }
}
