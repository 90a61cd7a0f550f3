package org.centinela.platform.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Principals whose tokens are refused. Kept in this service's own database ({@code revoked_principal}) as they are
 * revoked here or learnt from the principals topic, and loaded before the service serves, so a deleted
 * organisation, team or viewer is refused right after any restart, also while Kafka is unreachable. The table is
 * the platform's, in every service's database, and is created here rather than by a service's migrations.
 */
@Startup
@Singleton
public class RevokedPrincipals {

    private static final Logger LOG = Logger.getLogger(RevokedPrincipals.class);
    private static final String TABLE = """
            CREATE TABLE IF NOT EXISTS revoked_principal (
                principal_id uuid PRIMARY KEY,
                role         text        NOT NULL,
                revoked_at   timestamptz NOT NULL)""";
    private static final String INSERT = """
            INSERT INTO revoked_principal (principal_id, role, revoked_at)
            SELECT * FROM unnest(?::text[]::uuid[], ?::text[], ?::text[]::timestamptz[]) ON CONFLICT DO NOTHING""";
    /** Two instances starting together must not race on creating the table. */
    private static final long TABLE_LOCK = 0x6365_6e74_0002L;

    private final AgroalDataSource dataSource;
    private final Set<UUID> revoked = ConcurrentHashMap.newKeySet();

    public RevokedPrincipals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void load() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + TABLE_LOCK + ")");
            statement.execute(TABLE);
            try (ResultSet rows = statement.executeQuery("SELECT principal_id FROM revoked_principal")) {
                while (rows.next()) {
                    revoked.add(rows.getObject(1, UUID.class));
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("Revoked principals could not be loaded; refusing to serve without them", e);
        }
        LOG.infof("%d revoked principals loaded", revoked.size());
    }

    /** Records revocations durably, then refuses their tokens; a revocation seen before changes nothing. */
    public void revoke(Collection<Revocation> revocations) throws SQLException {
        if (revocations.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", revocations.stream()
                    .map(revocation -> revocation.principalId().toString()).toArray()));
            insert.setArray(2, connection.createArrayOf("text", revocations.stream().map(Revocation::role).toArray()));
            insert.setArray(3, connection.createArrayOf("text", revocations.stream()
                    .map(revocation -> revocation.at().toString()).toArray()));
            insert.executeUpdate();
        }
        revocations.forEach(revocation -> revoked.add(revocation.principalId()));
    }

    public boolean isRevoked(UUID principalId) {
        return revoked.contains(principalId);
    }

    public record Revocation(UUID principalId, String role, Instant at) {
    }
}
