package org.centinela.reporting.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.reporting.disclosure.RecordKeys;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.IncidentData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rebuild's bulk load against the live path: the same batches written into two generations of their own (never
 * served, dropped afterwards) give the same facts and the same cells, counts and record-key sums alike.
 */
@QuarkusTest
class GenerationLoadTest {

    private static final int BULK = 9_001;
    private static final int LIVE = 9_002;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    RecordKeys keys;

    @AfterEach
    void dropGenerations() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("processed_event", "incident_fact", "incident_cell", "alert_fact")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE generation IN (?, ?)")) {
                    delete.setInt(1, BULK);
                    delete.setInt(2, LIVE);
                    delete.executeUpdate();
                }
            }
        }
    }

    @Test
    void aBulkLoadWritesTheFactsAndCellsThatTheLivePathWrites() throws SQLException {
        IncidentEventData first = incident("PE-CUS");
        IncidentEventData other = incident("PE-LIM");
        IncidentEventData revised = IncidentData.next(first).revision(1).justiceStatus(JusticeStatus.CONVICTION)
                .verification(Verification.CONFIRMED).build();
        // Codes are free text here: a region with COPY's and arrays' special characters is written as it is.
        IncidentEventData odd = incident("PE\t\"odd\\region,{x}\n");
        UUID alertId = UUID.randomUUID();
        Instant raised = Instant.parse("2007-04-01T10:00:00Z");
        ReportingEvent failed = new ReportingEvent.Alert("alert-failed-1", EventTypes.ALERT_DELIVERY_FAILED,
                AlertData.of(alertId).priority(Priority.CRITICAL).region("PE-CUS").raisedAt(raised).at(raised).build());
        List<List<ReportingEvent>> batches = List.of(
                List.of(event(first), event(odd), failed),
                // a later revision in a later batch, a second incident, and a copy of a delivery failure
                List.of(event(other), event(revised), failed),
                // an older state arriving late changes nothing
                List.of(event(first), new ReportingEvent.Ignored("ignored-1")));

        GenerationLoad load = new GenerationLoad(BULK, keys);
        try (Connection connection = dataSource.getConnection()) {
            for (List<ReportingEvent> batch : batches) {
                load.keep(load.write(connection, batch));
                AggregateWriter.apply(connection, LIVE, batch, keys);
            }
            load.writeCells(connection);

            List<String> facts = rows(connection, """
                    SELECT incident_id, occurred_on, region, violations, perpetrators, perpetrator_kinds, sectors,
                        defenders, women, justice_status, verification, revision, cell_key
                    FROM incident_fact WHERE generation = ? ORDER BY incident_id""", LIVE);
            assertEquals(3, facts.size());
            assertEquals(facts, rows(connection, """
                    SELECT incident_id, occurred_on, region, violations, perpetrators, perpetrator_kinds, sectors,
                        defenders, women, justice_status, verification, revision, cell_key
                    FROM incident_fact WHERE generation = ? ORDER BY incident_id""", BULK));
            String cells = "SELECT year, region, dimension, key, incidents, key_sum FROM incident_cell "
                    + "WHERE generation = ? AND (incidents <> 0 OR key_sum <> 0) ORDER BY year, region, dimension, key";
            List<String> liveCells = rows(connection, cells, LIVE);
            assertFalse(liveCells.isEmpty());
            assertEquals(liveCells, rows(connection, cells, BULK));
            String alerts = "SELECT alert_id, priority, region, raised_at, delivery_failures, cell_key FROM alert_fact "
                    + "WHERE generation = ?";
            assertEquals(rows(connection, alerts, LIVE), rows(connection, alerts, BULK));
        }
    }

    private static IncidentEventData incident(String region) {
        return IncidentData.reported().occurredOn(LocalDate.of(2007, 3, 3)).region(region)
                .violations(List.of(Violation.DEATH_THREAT, Violation.HARASSMENT))
                .perpetrators(List.of(Perpetrator.POLICE, Perpetrator.COMPANY))
                .defenders(2, 1, List.of(Sector.ENVIRONMENTAL)).build();
    }

    private static ReportingEvent event(IncidentEventData data) {
        return new ReportingEvent.Incident(UUID.randomUUID().toString(), data);
    }

    private static List<String> rows(Connection connection, String sql, int generation) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, generation);
            try (ResultSet row = select.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        line.append(row.getString(column)).append(" | ");
                    }
                    rows.add(line.toString());
                }
            }
        }
        return rows;
    }
}
