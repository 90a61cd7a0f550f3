package org.centinela.intake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.centinela.platform.crypto.FieldCipher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Upgrading a database whose reference numbers come from counter rows: V5 turns each (country, year) counter into its
 * sequence, which continues after the last number given out, and drops the counters. Runs Flyway itself, in a schema
 * of its own of the test database.
 */
class ReferenceSequencesMigrationTest {

    private static final String SCHEMA = "reference_migration_test";
    private static final FieldCipher CIPHER = FieldCipher.withKey("k1", "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=");

    private static PGSimpleDataSource database() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432")
                + "/centinela_intake_test" + env("CENTINELA_TEST_DB_SUFFIX", ""));
        dataSource.setUser(env("CENTINELA_DB_USER", "postgres"));
        dataSource.setPassword(env("CENTINELA_DB_PASSWORD", ""));
        return dataSource;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static FluentConfiguration flyway(PGSimpleDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas(SCHEMA).locations("classpath:db/migration")
                .cleanDisabled(false).javaMigrations(new ExactLocationMigration(CIPHER));
    }

    @Test
    void referenceNumbersContinueAfterTheLastOneTheCountersGaveOut() throws Exception {
        PGSimpleDataSource dataSource = database();
        flyway(dataSource).load().clean();
        flyway(dataSource).target("4").load().migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + SCHEMA);
            sql.execute("INSERT INTO reference_sequence VALUES ('PE', 2025, 41), ('PE', 2026, 7)");
        }

        flyway(dataSource).load().migrate();

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + SCHEMA);
            // The names the service asks for (ReferenceSequence.name).
            assertEquals(42, single(sql, "SELECT nextval('" + ReferenceSequence.name("PE", 2025) + "')"));
            assertEquals(8, single(sql, "SELECT nextval('" + ReferenceSequence.name("PE", 2026) + "')"));
            assertEquals(0, single(sql, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + SCHEMA
                    + "' AND tablename = 'reference_sequence'"));
        }
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
