package org.centinela.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The row count of every table of the three services' test databases, to show that requests wrote nothing. */
final class TableCounts {

    private TableCounts() {
    }

    /**
     * Written by alerts' dispatcher on its own clock, not by any request: retries of earlier tests' webhooks to
     * receivers that have since closed.
     */
    private static final String BACKGROUND_ONLY = "alerts.delivery_attempt";

    /** {@code service.table} → rows, for intake, alerts and reporting (but {@link #BACKGROUND_ONLY}). */
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
                tables.removeIf(table -> BACKGROUND_ONLY.equals(service + "." + table));
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
