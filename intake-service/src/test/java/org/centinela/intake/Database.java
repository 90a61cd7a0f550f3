package org.centinela.intake;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Direct looks at intake's tables, to check what was (not) written. */
public final class Database {

    private final AgroalDataSource dataSource;

    public Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String table) {
        return single("SELECT count(*) FROM " + table);
    }

    public long single(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of {@code table} as PostgreSQL's text form, one per line. */
    public String dump(String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
            StringBuilder text = new StringBuilder();
            while (result.next()) {
                text.append(result.getString(1)).append('\n');
            }
            return text.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Row counts of every table an incident report writes to. */
    public String writeCounts() {
        return "incident=" + count("incident") + " history=" + count("incident_history") + " outbox=" + count("outbox")
                + " idempotency=" + count("idempotency_key") + " sequence="
                + single("SELECT coalesce(sum(last_value), 0) FROM pg_sequences WHERE sequencename LIKE 'reference\\_%'");
    }
}
