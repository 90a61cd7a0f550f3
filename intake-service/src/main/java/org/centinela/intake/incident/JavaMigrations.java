package org.centinela.intake.incident;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.centinela.platform.crypto.FieldCipher;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** Hands Flyway the migrations that need the service's beans (the SQL ones it finds in {@code db/migration}). */
@Singleton
public class JavaMigrations implements FlywayConfigurationCustomizer {

    private final FieldCipher cipher;

    public JavaMigrations(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        configuration.javaMigrations(new ExactLocationMigration(cipher));
    }
}
