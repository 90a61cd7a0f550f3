package org.centinela.reporting.aggregate;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.centinela.reporting.disclosure.RecordKeys;

/**
 * Transactions on the aggregates. Every writer of a served or building generation first locks the single
 * aggregate_state row, so live batches, rebuild batches and the rebuild's steps are serialised. A rebuild first
 * bulk-loads a new generation from the topics up to their end offsets ({@link GenerationLoad}) while live batches
 * write only the served one; {@link #finishLoad} then makes it the building generation, which every live batch
 * committed afterwards writes too, and the rebuild catches up from the bulk's end offsets to those found after that
 * commit: an event is in the new generation whichever side applies it, and applying it twice changes nothing.
 * Rebuilds are rows of {@code rebuild_run}, so all instances see the same one: at most one runs, it switches only
 * while it is still the running one, and a switch never drops the generation it serves.
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
    private final RecordKeys keys;

    public AggregateStore(AgroalDataSource dataSource, RecordKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /**
     * Applies a live batch to the served generation and to the one being rebuilt, in one transaction.
     * Returns the new state when the served figures changed.
     */
    public Optional<AggregateState> applyLive(List<ReportingEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                int applied = AggregateWriter.apply(connection, state.currentGeneration(), events, keys);
                if (state.buildingGeneration() != null) {
                    AggregateWriter.apply(connection, state.buildingGeneration(), events, keys);
                }
                return applied == 0 ? Optional.<AggregateState>empty() : Optional.of(read(connection, BUMP_VERSION));
            }
        });
    }

    /** A bulk load of a rebuild's generation, written only by the rebuild until {@link #finishLoad}. */
    public GenerationLoad load(RebuildRun run) {
        return new GenerationLoad(run.generation(), keys);
    }

    /**
     * Writes one replayed batch of a bulk load; no live batch writes that generation yet, so no lock. Its commit does
     * not wait for the disk: a crash before the switch ends the rebuild and drops the generation anyway, and the
     * switch's own commit makes everything before it durable.
     */
    public void loadBatch(GenerationLoad load, List<ReportingEvent> events) {
        GenerationLoad.Batch batch = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL synchronous_commit = off");
                }
                return load.write(connection, events);
            }
        });
        load.keep(batch);
    }

    /**
     * Ends the bulk load: writes its cells and makes its generation the building one, which live batches write from
     * now on. False (and nothing changed) when the rebuild is no longer the running one.
     */
    public boolean finishLoad(RebuildRun run, GenerationLoad load) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                read(connection, LOCK_STATE);
                if (running(connection).filter(current -> current.id() == run.id()).isEmpty()) {
                    return false;
                }
                load.writeCells(connection);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET building_generation = ? WHERE id = 1")) {
                    update.setInt(1, run.generation());
                    update.executeUpdate();
                }
                return true;
            }
        });
    }

    /** Applies a rebuild's catch-up batch to the building generation; the served figures do not change. */
    public int applyToGeneration(int generation, List<ReportingEvent> events) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                read(connection, LOCK_STATE);
                return AggregateWriter.apply(connection, generation, events, keys);
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
     * Opens a new, empty generation for a rebuild run by {@code owner} (live batches write to it only once its bulk
     * load is finished); empty when a rebuild is already running on any instance. A rebuild whose heartbeat is older than {@code stale} (its
     * instance died) is taken over: marked FAILED and its generation dropped. A generation number is never reused.
     */
    public Optional<RebuildRun> openGeneration(String owner, Duration stale) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                Optional<RebuildRun> running = running(connection);
                if (running.isPresent()) {
                    if (running.get().heartbeatAt().isAfter(Instant.now().minus(stale))) {
                        return Optional.<RebuildRun>empty();
                    }
                    finish(connection, running.get().id(), "FAILED",
                            "abandoned: no heartbeat since " + running.get().heartbeatAt());
                    if (running.get().generation() != state.currentGeneration()) {
                        delete(connection, running.get().generation());
                    }
                }
                int generation;
                try (PreparedStatement next = connection.prepareStatement(
                        "SELECT greatest(?, coalesce(max(generation), 0)) + 1 FROM rebuild_run")) {
                    next.setInt(1, Math.max(state.currentGeneration(),
                            state.buildingGeneration() == null ? 0 : state.buildingGeneration()));
                    try (ResultSet row = next.executeQuery()) {
                        row.next();
                        generation = row.getInt(1);
                    }
                }
                delete(connection, generation);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET building_generation = NULL WHERE id = 1")) {
                    update.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO rebuild_run (generation, owner, state, started_at, heartbeat_at)
                        VALUES (?, ?, 'RUNNING', now(), now())
                        RETURNING id, generation, owner, state, events_done, events_total, started_at, heartbeat_at,
                                  finished_at, error""")) {
                    insert.setInt(1, generation);
                    insert.setString(2, owner);
                    try (ResultSet row = insert.executeQuery()) {
                        row.next();
                        return Optional.of(run(row));
                    }
                }
            }
        });
    }

    /** Records a running rebuild's progress; false when it is no longer the running one (taken over, or ended). */
    public boolean heartbeat(long runId, long done, long total) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return progress(connection, runId, done, total);
            }
        });
    }

    /**
     * Serves the rebuild's generation from now on and drops the one served before; empty (and nothing changed) when
     * the rebuild is no longer the running one.
     */
    public Optional<AggregateState> switchTo(RebuildRun run, long done, long total) {
        Optional<Switch> switched = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                Optional<RebuildRun> running = running(connection);
                if (running.isEmpty() || running.get().id() != run.id()
                        || !Integer.valueOf(run.generation()).equals(state.buildingGeneration())) {
                    return Optional.<Switch>empty();
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE aggregate_state SET current_generation = ?, building_generation = NULL WHERE id = 1")) {
                    update.setInt(1, run.generation());
                    update.executeUpdate();
                }
                progress(connection, run.id(), done, total);
                finish(connection, run.id(), "DONE", null);
                return Optional.of(new Switch(state.currentGeneration(), read(connection, BUMP_VERSION)));
            }
        });
        switched.filter(change -> change.previousGeneration() != run.generation()).ifPresent(change ->
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        delete(connection, change.previousGeneration());
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        return switched.map(Switch::state);
    }

    private record Switch(int previousGeneration, AggregateState state) {
    }

    /** Gives up a rebuild (it failed or was stopped): the served generation stays, the one being built is dropped. */
    public void abandon(RebuildRun run, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                AggregateState state = read(connection, LOCK_STATE);
                if (Integer.valueOf(run.generation()).equals(state.buildingGeneration())) {
                    try (PreparedStatement update = connection.prepareStatement(
                            "UPDATE aggregate_state SET building_generation = NULL WHERE id = 1")) {
                        update.executeUpdate();
                    }
                }
                if (run.generation() != state.currentGeneration()) {
                    delete(connection, run.generation());
                }
                if (running(connection).filter(current -> current.id() == run.id()).isPresent()) {
                    finish(connection, run.id(), "FAILED", error);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The newest rebuild, running or ended, as every instance sees it. */
    public Optional<RebuildRun> latestRun() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT id, generation, owner, state, events_done, events_total, started_at, heartbeat_at, finished_at, error
                FROM rebuild_run ORDER BY id DESC LIMIT 1""");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(run(row)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean progress(Connection connection, long runId, long done, long total) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE rebuild_run SET events_done = ?, events_total = ?, heartbeat_at = now()
                WHERE id = ? AND state = 'RUNNING'""")) {
            update.setLong(1, done);
            update.setLong(2, total);
            update.setLong(3, runId);
            return update.executeUpdate() == 1;
        }
    }

    private static void finish(Connection connection, long runId, String state, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE rebuild_run SET state = ?, finished_at = now(), error = ? WHERE id = ?")) {
            update.setString(1, state);
            update.setString(2, error);
            update.setLong(3, runId);
            update.executeUpdate();
        }
    }

    private static Optional<RebuildRun> running(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, generation, owner, state, events_done, events_total, started_at, heartbeat_at, finished_at, error
                FROM rebuild_run WHERE state = 'RUNNING' FOR UPDATE""");
             ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(run(row)) : Optional.empty();
        }
    }

    private static RebuildRun run(ResultSet row) throws SQLException {
        Timestamp finished = row.getTimestamp(9);
        return new RebuildRun(row.getLong(1), row.getInt(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getLong(6), row.getTimestamp(7).toInstant(), row.getTimestamp(8).toInstant(),
                finished == null ? null : finished.toInstant(), row.getString(10));
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
            int current = row.getInt(1);
            int building = row.getInt(2);
            // wasNull() speaks of the column read last: building_generation, read just before it.
            Integer buildingOrNull = row.wasNull() ? null : building;
            return new AggregateState(current, buildingOrNull, row.getLong(3), row.getTimestamp(4).toInstant());
        }
    }
}
