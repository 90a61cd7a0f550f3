package org.centinela.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists exactly when the change it
 * describes was committed; once that transaction commits, this instance's {@link OutboxRelay} is woken and publishes
 * it. An instance that runs no relay wakes the other instances' by NOTIFY instead.
 */
@ApplicationScoped
public class OutboxWriter {

    /** The PostgreSQL channel on which commits that wrote outbox rows are announced to every instance. */
    public static final String CHANNEL = "centinela_outbox";
    private static final String INSERT =
            "INSERT INTO outbox (event_id, incident_id, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?)";
    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public OutboxWriter(AgroalDataSource dataSource, ObjectMapper json, OutboxConfig config, OutboxRelay relay,
                        TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** The event of {@code incidentId} (the record key) of this type, its data as JSON; returns its event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(UUID incidentId, String type, Object data, Instant at) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data not serialisable", e);
        }
        UUID eventId = UUID.randomUUID();
        // The transaction's own connection: the row commits or rolls back with the change it describes.
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, eventId);
                insert.setObject(2, incidentId);
                insert.setString(3, type);
                insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(5, payload);
                insert.executeUpdate();
            }
            if (config.notifyOnCommit() && !relay.running() && transactions.getResource(WAKE_AFTER_COMMIT) == null) {
                // Only where no relay runs in this instance: a transaction that NOTIFYs holds PostgreSQL's notify
                // lock (one for the whole server) through its commit and WAL flush, so such commits go one at a time
                // instead of sharing a flush. Where this instance's relay runs, the wake-up after commit is enough.
                // Delivered to listeners only when this transaction commits.
                try (Statement notify = connection.createStatement()) {
                    notify.execute("NOTIFY " + CHANNEL);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Outbox row not written", e);
        }
        wakeAfterCommit();
        return eventId;
    }

    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
