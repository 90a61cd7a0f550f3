package org.centinela.alerts.team;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The active teams for routing, kept in memory: teams change rarely and incidents come by the hundred a second.
 * Each use reads {@code team_version} (moved by a trigger on every write to {@code team}, V9) in the caller's
 * transaction and reloads the teams when it moved, so a change committed by any instance is seen by the next batch
 * that starts after it — what a query per batch would see.
 */
@ApplicationScoped
public class ActiveTeams {

    private final AgroalDataSource dataSource;
    private volatile Snapshot snapshot = new Snapshot(-1, List.of());

    public ActiveTeams(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The active teams as of now, oldest first; reloaded only when a team changed since the last call. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Snapshot current() {
        long version = version();
        Snapshot known = snapshot;
        if (known.version() == version) {
            return known;
        }
        // Loaded after the version was read: at worst newer than it says, and then reloaded once more next time.
        Snapshot loaded = new Snapshot(version, Team.listActive());
        snapshot = loaded;
        return loaded;
    }

    private long version() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT version FROM team_version WHERE id = 1");
             ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Team version not readable", e);
        }
    }

    /** The teams of one version; read only (detached entities shared between batches and threads). */
    public static final class Snapshot {

        private final long version;
        private final List<Team> teams;
        private final Map<UUID, Team> byId;

        Snapshot(long version, List<Team> teams) {
            this.version = version;
            this.teams = List.copyOf(teams);
            this.byId = teams.stream().collect(Collectors.toUnmodifiableMap(team -> team.id, Function.identity()));
        }

        long version() {
            return version;
        }

        /** The teams whose regions include {@code region} (or that cover the whole country), oldest first. */
        public List<Team> covering(String region) {
            return teams.stream().filter(team -> team.regions.isEmpty() || team.regionList().contains(region)).toList();
        }

        public Optional<Team> find(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }
    }
}
