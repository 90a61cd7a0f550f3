package org.centinela.intake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database whose incidents hold their locality and exact coordinates in the clear: V3 encrypts them
 * and rounds the clear coordinates, V4 drops the clear locality. Runs Flyway itself, in a schema of its own of the
 * test database.
 */
class ExactLocationMigrationTest {

    private final MigrationSchema schema = new MigrationSchema("location_migration_test");

    @Test
    void rowsWrittenBeforeTheUpgradeKeepTheirLocationOnlyEncryptedAndTheirCoordinatesRounded() throws Exception {
        schema.freshAt("2");
        UUID located = UUID.randomUUID();
        UUID unlocated = UUID.randomUUID();
        try (Connection connection = schema.connect(); Statement sql = connection.createStatement()) {
            UUID organisation = UUID.randomUUID();
            sql.execute("INSERT INTO organisation VALUES ('" + organisation + "', 'Red', 'RED', now(), null)");
            for (String values : new String[] {
                    "'" + located + "', 'PE-2017-000001', 'Celendín', -6.873519, -78.151937",
                    "'" + unlocated + "', 'PE-2017-000002', null, null, null"}) {
                sql.execute("INSERT INTO incident (id, reference, locality, latitude, longitude, organisation_id, "
                        + "received_at, occurred_on, region, violations, perpetrators, defenders_count, defenders_women, "
                        + "sectors, context, risk_ongoing, language, description_enc, verification, justice_status, "
                        + "revision, updated_at) VALUES (" + values + ", '" + organisation + "', now(), '2017-08-21', "
                        + "'PE-CAJ', 'KILLING', 'POLICE', 1, 0, 'ENVIRONMENTAL', '', false, 'es', 'k1:x', 'UNVERIFIED', "
                        + "'NOT_REPORTED', 0, now())");
            }
        }

        schema.upgrade();

        try (Connection connection = schema.connect(); Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("SELECT t::text, location_enc, latitude_rounded, longitude_rounded "
                    + "FROM incident t WHERE id = '" + located + "'")) {
                row.next();
                assertFalse(row.getString(1).contains("Celendín") || row.getString(1).contains("6.873519"), row.getString(1));
                assertEquals("{\"locality\":\"Celendín\",\"latitude\":-6.873519,\"longitude\":-78.151937}",
                        MigrationSchema.CIPHER.decrypt(row.getString(2)));
                assertEquals(-6.9, row.getDouble(3));
                assertEquals(-78.2, row.getDouble(4));
            }
            try (ResultSet row = sql.executeQuery("SELECT location_enc, latitude_rounded FROM incident WHERE id = '"
                    + unlocated + "'")) {
                row.next();
                assertNull(row.getString(1));
                assertNull(row.getObject(2));
            }
        }
    }
}
