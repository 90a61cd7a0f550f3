package org.centinela.intake.incident;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a report's incident row and its first history row in one statement, on the transaction's own connection
 * (Agroal hands the same one to Hibernate and to this class within a transaction). This is intake's hot path:
 * Hibernate's persist and flush of two new entities cost about a fifth of intake's CPU per incident (bench/RESULTS.md,
 * JFR profile of 2026-12-01), and one round trip replaces two. Reads and updates stay on the entities.
 */
@ApplicationScoped
class ReportedRows {

    private static final String INSERT = """
            WITH reported AS (
                INSERT INTO incident (id, reference, organisation_id, received_at, occurred_on, region, latitude_rounded,
                                      longitude_rounded, violations, perpetrators, defenders_count, defenders_women,
                                      sectors, context, risk_ongoing, language, description_enc, confidential_enc,
                                      location_enc, verification, justice_status, revision, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING id)
            INSERT INTO incident_history (incident_id, revision, at, actor_role, actor_id, verification, justice_status,
                                          risk_ongoing)
            SELECT id, ?, ?, ?, ?, ?, ?, ? FROM reported""";

    private final AgroalDataSource dataSource;

    ReportedRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void insert(Incident incident, IncidentHistory reported) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 0;
            insert.setObject(++i, incident.id);
            insert.setString(++i, incident.reference);
            insert.setObject(++i, incident.organisationId);
            insert.setObject(++i, utc(incident.receivedAt));
            insert.setObject(++i, incident.occurredOn);
            insert.setString(++i, incident.region);
            insert.setObject(++i, incident.latitudeRounded, Types.DOUBLE);
            insert.setObject(++i, incident.longitudeRounded, Types.DOUBLE);
            insert.setString(++i, incident.violations);
            insert.setString(++i, incident.perpetrators);
            insert.setInt(++i, incident.defendersCount);
            insert.setInt(++i, incident.defendersWomen);
            insert.setString(++i, incident.sectors);
            insert.setString(++i, incident.context);
            insert.setBoolean(++i, incident.riskOngoing);
            insert.setString(++i, incident.language);
            insert.setString(++i, incident.descriptionEnc);
            insert.setString(++i, incident.confidentialEnc);
            insert.setString(++i, incident.locationEnc);
            insert.setString(++i, incident.verification);
            insert.setString(++i, incident.justiceStatus);
            insert.setInt(++i, incident.revision);
            insert.setObject(++i, utc(incident.updatedAt));
            insert.setInt(++i, reported.revision);
            insert.setObject(++i, utc(reported.at));
            insert.setString(++i, reported.actorRole);
            insert.setObject(++i, reported.actorId);
            insert.setString(++i, reported.verification);
            insert.setString(++i, reported.justiceStatus);
            insert.setObject(++i, reported.riskOngoing, Types.BOOLEAN);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("The incident could not be written [incidentId=" + incident.id + "]", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
