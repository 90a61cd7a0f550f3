package org.centinela.intake.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.platform.crypto.FieldCipher;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jboss.logging.Logger;

/**
 * Flyway V3, between V2 (adds {@code location_enc}) and V4 (drops the clear locality): encrypts the locality and
 * exact coordinates of the incidents reported before, under the service's current key, and rounds their clear
 * coordinates to 0.1°. A Java migration because the key is not in the database; in Flyway's transaction and
 * under its lock, so that several instances starting at once migrate once.
 */
final class ExactLocationMigration implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(ExactLocationMigration.class);
    private static final int BATCH = 500;
    // Plain mapper: the value written is the one ExactLocation's record components give, read back by Incidents.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FieldCipher cipher;

    ExactLocationMigration(FieldCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "incident location encrypted";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        int moved = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, locality, latitude, longitude FROM incident "
                + "WHERE locality IS NOT NULL OR latitude IS NOT NULL OR longitude IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE incident SET location_enc = ?, latitude = ?, longitude = ? WHERE id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Double latitude = row.getObject(3, Double.class);
                    Double longitude = row.getObject(4, Double.class);
                    ExactLocation location = new ExactLocation(row.getString(2), latitude, longitude);
                    update.setString(1, cipher.encrypt(JSON.writeValueAsString(location)));
                    update.setObject(2, IncidentEventData.roundCoordinate(latitude));
                    update.setObject(3, IncidentEventData.roundCoordinate(longitude));
                    update.setObject(4, row.getObject(1));
                    update.addBatch();
                    if (++moved % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        LOG.infof("Locality and exact coordinates of %d incidents encrypted [keyId=%s]", moved, cipher.currentKeyId());
    }
}
