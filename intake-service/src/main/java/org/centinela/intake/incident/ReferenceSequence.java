package org.centinela.intake.incident;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Human-readable references {@code <country>-<year>-<6-digit sequence>} from one counter row per (country, year),
 * incremented by an upsert: concurrent reports queue on that row, so each number is given out once.
 *
 * <p>The number is taken in a short transaction of its own, before the incident's: holding the counter's row lock
 * through the whole incident transaction would let only one report commit at a time. That transaction commits
 * without waiting for the WAL flush: an incident that uses the number commits durably later, and its commit
 * flushes the counter's record with it (the WAL is sequential), so a crash can only forget numbers nobody used.
 * The price is a gap in the sequence when a report fails after taking its number, or is an idempotent replay.
 */
@ApplicationScoped
public class ReferenceSequence {

    private static final String NEXT = "INSERT INTO reference_sequence (country, year, last_value) VALUES (?, ?, 1) "
            + "ON CONFLICT (country, year) DO UPDATE SET last_value = reference_sequence.last_value + 1 RETURNING last_value";

    private final AgroalDataSource dataSource;

    public ReferenceSequence(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Must run outside any transaction. */
    public String next(String country, int year) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement asynchronous = connection.createStatement()) {
                    asynchronous.execute("SET LOCAL synchronous_commit TO OFF");
                }
                int sequence;
                try (PreparedStatement upsert = connection.prepareStatement(NEXT)) {
                    upsert.setString(1, country);
                    upsert.setInt(2, year);
                    try (ResultSet row = upsert.executeQuery()) {
                        row.next();
                        sequence = row.getInt(1);
                    }
                }
                connection.commit();
                return format(country, year, sequence);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a reference number", e);
        }
    }

    static String format(String country, int year, int sequence) {
        return String.format("%s-%d-%06d", country, year, sequence);
    }
}
