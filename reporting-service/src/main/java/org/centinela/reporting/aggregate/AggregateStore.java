package org.centinela.reporting.aggregate;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.centinela.reporting.ingest.ReportingEvent;

/**
 * Transactions on the aggregates. Every writer first locks the single aggregate_state row, so live batches,
 * rebuild batches and the rebuild's start and switch are serialised: a live batch committed after a rebuild
 * started also went into the generation being rebuilt, and one committed before it is inside the end offsets
 * the rebuild reads up to.
 */
@ApplicationScoped
public class AggregateStore {

    private static final String LOCK_STATE = """
            SELECT current_generation, building_generation, version, changed_at
            FROM aggregate_state WHERE id = 1 FOR UPDATE""";
    private static final String READ_STATE = """
            SELECT current_generation, building_generation, version, changed_at FROM aggregate_state WHERE id = 1""";
    private static final String BUMP_VERSION = """
            UPDATE aggregate_state SET version = version + 1, changed_at = clock_timestamp() WHERE id = 1
            RETURNING current_generation, building_generation, version, changed_at""";
    private static final List<String> TABLES = List.of("processed_event", "incident_fact", "incident_cell", "alert_fact");

    private final AgroalDataSource dataSource;

    public AggregateStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies a live batch to the served generation and to the one being rebuilt, in one transaction.
     * Returns the new state when the served figures changed.
     */
    public Optional<AggregateState> applyLive(List<ReportingEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                int applied = AggregateWriter.apply(connection, state.currentGeneration(), events);
                if (state.buildingGeneration() != null) {
                    AggregateWriter.apply(connection, state.buildingGeneration(), events);
                }
                return applied == 0 ? Optional.<AggregateState>empty() : Optional.of(read(connection, BUMP_VERSION));
            }
        });
    }

    /** Applies a rebuild batch to the generation being built; the served figures do not change. */
    public int applyToGeneration(int generation, List<ReportingEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                read(connection, LOCK_STATE);
                return AggregateWriter.apply(connection, generation, events);
            }
        });
    }

    public AggregateState state() {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, READ_STATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a new, empty generation that live batches write to from now on. A generation left behind by a
     * rebuild that did not finish (the service stopped) is dropped first.
     */
    public int openGeneration() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                int generation = state.currentGeneration() + 1;
                if (state.buildingGeneration() != null) {
                    generation = Math.max(generation, state.buildingGeneration());
                }
                delete(connection, generation);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET building_generation = ? WHERE id = 1")) {
                    update.setInt(1, generation);
                    update.executeUpdate();
                }
                return generation;
            }
        });
    }

    /** Serves {@code generation} from now on; returns the new state. The previous generation is then dropped. */
    public AggregateState switchTo(int generation) {
        AggregateState previous = state();
        AggregateState switched = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                read(connection, LOCK_STATE);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET current_generation = ?, building_generation = NULL WHERE id = 1")) {
                    update.setInt(1, generation);
                    update.executeUpdate();
                }
                return read(connection, BUMP_VERSION);
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                delete(connection, previous.currentGeneration());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return switched;
    }

    /** Gives up a generation being built (a failed rebuild); the served one stays. */
    public void abandon(int generation) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                read(connection, LOCK_STATE);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET building_generation = NULL WHERE id = 1")) {
                    update.executeUpdate();
                }
                delete(connection, generation);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void delete(Connection connection, int generation) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE generation = ?")) {
                delete.setInt(1, generation);
                delete.executeUpdate();
            }
        }
    }

    private static AggregateState read(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet row = statement.executeQuery()) {
            row.next();
            int building = row.getInt(2);
            return new AggregateState(row.getInt(1), row.wasNull() ? null : building, row.getLong(3),
                    row.getTimestamp(4).toInstant());
        }
    }
}
