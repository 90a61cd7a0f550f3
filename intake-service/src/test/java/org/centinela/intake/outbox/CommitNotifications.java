package org.centinela.intake.outbox;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.platform.outbox.OutboxWriter;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs on the outbox channel, as another instance's relay does, outside the service's pool. {@link #sinceListening}
 * sends a NOTIFY of its own and returns what arrived before it: PostgreSQL delivers notifications in commit order, so
 * that is exactly what the commits finished meanwhile sent, with no waiting to see whether more come.
 */
final class CommitNotifications implements AutoCloseable {

    private final Connection connection;

    CommitNotifications(AgroalDataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + OutboxWriter.CHANNEL);
        }
    }

    /** The notifications on the channel since this listener started, its own end marker excluded. */
    List<PGNotification> sinceListening() throws SQLException {
        String marker = "end-" + UUID.randomUUID();
        try (Statement notify = connection.createStatement()) {
            notify.execute("NOTIFY " + OutboxWriter.CHANNEL + ", '" + marker + "'");
        }
        PGConnection postgres = connection.unwrap(PGConnection.class);
        List<PGNotification> before = new ArrayList<>();
        while (true) {
            PGNotification[] arrived = postgres.getNotifications(10_000);
            if (arrived == null || arrived.length == 0) {
                throw new IllegalStateException("the listener's own NOTIFY did not come back");
            }
            for (PGNotification notification : arrived) {
                if (marker.equals(notification.getParameter())) {
                    return before;
                }
                before.add(notification);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        // The connection goes back to the pool: it must not go on listening.
        try (Statement unlisten = connection.createStatement()) {
            unlisten.execute("UNLISTEN *");
        }
        connection.close();
    }
}
