package org.centinela.intake.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.platform.security.Caller;
import org.hibernate.Session;

/** The audit log of decrypted reads: who (role and principal), when, which incident. */
@ApplicationScoped
public class ConfidentialReads {

    private final EntityManager entityManager;

    public ConfidentialReads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records a read in the caller's transaction, so that no answer carries plaintext without its audit row. */
    public void record(UUID incidentId, Caller caller, Instant at) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO confidential_read (incident_id, role, principal_id, read_at) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, incidentId);
                insert.setString(2, caller.role());
                insert.setObject(3, caller.principalId());
                insert.setObject(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    /** Oldest first. */
    public List<Read> of(UUID incidentId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT role, principal_id, read_at FROM confidential_read WHERE incident_id = ? ORDER BY id")) {
                select.setObject(1, incidentId);
                List<Read> reads = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        reads.add(new Read(row.getString(1), row.getObject(2, UUID.class),
                                row.getObject(3, OffsetDateTime.class).toInstant()));
                    }
                }
                return reads;
            }
        });
    }

    public record Read(String role, UUID principalId, Instant at) {
    }
}
