package org.centinela.intake.incident;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.centinela.platform.crypto.FieldCipher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Intake's migrations run by Flyway itself in a schema of their own of the test database, for upgrade tests: migrate
 * to an older version, write rows as that version had them, then migrate the rest.
 */
final class MigrationSchema {

    static final FieldCipher CIPHER = FieldCipher.withKey("k1", "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=");

    private final String schema;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    MigrationSchema(String schema) {
        this.schema = schema;
        dataSource.setUrl("jdbc:postgresql://" + env("PG_HOST", "127.0.0.1") + ":" + env("PG_PORT", "5432")
                + "/centinela_intake_test" + env("CENTINELA_TEST_DB_SUFFIX", ""));
        dataSource.setUser(env("CENTINELA_DB_USER", "postgres"));
        dataSource.setPassword(env("CENTINELA_DB_PASSWORD", ""));
    }

    String name() {
        return schema;
    }

    /** An empty schema migrated up to {@code version}. */
    void freshAt(String version) {
        flyway().load().clean();
        flyway().target(version).load().migrate();
    }

    /** Every later migration, as a service starting on the upgraded code runs them. */
    void upgrade() {
        flyway().load().migrate();
    }

    /** A connection whose statements run in this schema. */
    Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET search_path TO " + schema);
        }
        return connection;
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration")
                .cleanDisabled(false).javaMigrations(new ExactLocationMigration(CIPHER));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
