package org.centinela.intake.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Appends an event to the outbox inside the caller's transaction, so the event exists exactly when the change
 * it describes was committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class OutboxWriter {

    /** The PostgreSQL channel on which commits that wrote outbox rows are announced to every instance. */
    public static final String CHANNEL = "centinela_outbox";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Event<OutboxWritten> written;
    private final OutboxConfig config;

    public OutboxWriter(EntityManager entityManager, ObjectMapper json, Event<OutboxWritten> written, OutboxConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.written = written;
        this.config = config;
    }

    /** Must run inside a transaction. */
    public void append(UUID incidentId, String type, Object data, Instant at) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data not serialisable", e);
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO outbox (event_id, incident_id, type, occurred_at, payload) VALUES (?, ?, ?, ?, ?)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, incidentId);
                insert.setString(3, type);
                insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(5, payload);
                insert.executeUpdate();
            }
            if (config.notifyOnCommit()) {
                // Delivered to listeners only when this transaction commits.
                try (Statement notify = connection.createStatement()) {
                    notify.execute("NOTIFY " + CHANNEL);
                }
            }
        });
        written.fire(new OutboxWritten());
    }
}
