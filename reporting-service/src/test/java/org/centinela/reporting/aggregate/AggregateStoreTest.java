package org.centinela.reporting.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AggregateStoreTest {

    @Inject
    AggregateStore store;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLiveBatchWithNoRebuildRunningWritesOnlyTheServedGeneration() throws SQLException {
        String eventId = "live-" + UUID.randomUUID();

        store.applyLive(List.of(new ReportingEvent.Ignored(eventId)));

        AggregateState state = store.state();
        assertNull(state.buildingGeneration());
        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of(state.currentGeneration()), generations(connection, eventId));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM processed_event WHERE event_id = ?")) {
                delete.setString(1, eventId);
                delete.executeUpdate();
            }
        }
    }

    private static List<Integer> generations(Connection connection, String eventId) throws SQLException {
        List<Integer> generations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT generation FROM processed_event WHERE event_id = ? ORDER BY generation")) {
            select.setString(1, eventId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    generations.add(row.getInt(1));
                }
            }
        }
        return generations;
    }
}
