package org.centinela.intake.incident;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Human-readable references {@code <country>-<year>-<6-digit sequence>}, numbered by one PostgreSQL sequence per
 * (country, year), {@code reference_<country>_<year>}. {@code nextval} takes no row lock and is never rolled back, so
 * concurrent reports do not queue behind each other's commits, and it runs inside the incident's transaction: one
 * statement per report instead of a transaction of its own on a counter row. A number is never given out twice, also
 * after a crash: the incident's durable commit flushes the sequence's WAL record with it. The price is a gap when a
 * report fails after taking its number.
 */
@ApplicationScoped
public class ReferenceSequence {

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    /** Two instances meeting a new year together must not race on creating its sequence. */
    private static final long CREATE_LOCK = 0x6365_6e74_0003L;

    private final AgroalDataSource dataSource;
    /** Sequences this instance has seen exist; each is created (if need be) once, before its first number. */
    private final Set<String> existing = ConcurrentHashMap.newKeySet();

    public ReferenceSequence(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes sure the sequence of (country, year) exists, creating it for the first report of a year. Must run outside
     * any transaction: it commits on its own, and a failed {@code nextval} would abort the incident's transaction.
     */
    public void prepare(String country, int year) {
        String sequence = name(country, year);
        if (existing.contains(sequence)) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SELECT pg_advisory_xact_lock(" + CREATE_LOCK + ")");
                statement.execute("CREATE SEQUENCE IF NOT EXISTS " + sequence);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the reference sequence " + sequence, e);
        }
        existing.add(sequence);
    }

    /** The next reference of (country, year), whose sequence {@link #prepare} made sure of; inside the incident's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String country, int year) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement nextval = connection.prepareStatement("SELECT nextval(?::regclass)")) {
            nextval.setString(1, name(country, year));
            try (ResultSet row = nextval.executeQuery()) {
                row.next();
                return format(country, year, row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take a reference number", e);
        }
    }

    static String format(String country, int year, long sequence) {
        return String.format("%s-%d-%06d", country, year, sequence);
    }

    /** The country is configuration (ISO 3166-1 alpha-2), checked here since it becomes part of an identifier. */
    static String name(String country, int year) {
        if (!COUNTRY.matcher(country).matches()) {
            throw new IllegalStateException("Country code not two letters: " + country);
        }
        return "reference_" + country.toLowerCase(Locale.ROOT) + "_" + year;
    }
}
