package org.centinela.intake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database whose reference numbers come from counter rows: V5 turns each (country, year) counter into its
 * sequence, which continues after the last number given out, and drops the counters. Runs Flyway itself, in a schema
 * of its own of the test database.
 */
class ReferenceSequencesMigrationTest {

    private final MigrationSchema schema = new MigrationSchema("reference_migration_test");

    @Test
    void referenceNumbersContinueAfterTheLastOneTheCountersGaveOut() throws Exception {
        schema.freshAt("4");
        try (Connection connection = schema.connect(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO reference_sequence VALUES ('PE', 2025, 41), ('PE', 2026, 7)");
        }

        schema.upgrade();

        try (Connection connection = schema.connect(); Statement sql = connection.createStatement()) {
            // The names the service asks for (ReferenceSequence.name).
            assertEquals(42, single(sql, "SELECT nextval('" + ReferenceSequence.name("PE", 2025) + "')"));
            assertEquals(8, single(sql, "SELECT nextval('" + ReferenceSequence.name("PE", 2026) + "')"));
            assertEquals(0, single(sql, "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema.name()
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
