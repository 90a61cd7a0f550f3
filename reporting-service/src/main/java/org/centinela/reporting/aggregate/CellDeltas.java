package org.centinela.reporting.aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to the per-year cells (incident_cell): for each (year, region, dimension, key), how many incidents and how
 * much of their record keys' sum to add. Counted from facts, so a cell's key sum is the sum of its records' keys
 * whichever way (batch by batch, or a bulk load) the facts arrived.
 */
final class CellDeltas {

    private static final String ADD_CELLS = """
            INSERT INTO incident_cell (generation, year, region, dimension, key, incidents, key_sum)
            SELECT ?, * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])
            ON CONFLICT (generation, year, region, dimension, key)
            DO UPDATE SET incidents = incident_cell.incidents + EXCLUDED.incidents,
                key_sum = incident_cell.key_sum + EXCLUDED.key_sum""";

    private final Map<Cell, long[]> deltas = new HashMap<>();

    /** Adds sign × the incident's counts, and sign × its record key to the key sum of each of its cells. */
    void count(IncidentFact fact, long sign, long recordKey) {
        int year = fact.occurredOn().getYear();
        fact.cells((dimension, key) -> add(new Cell(year, fact.region(), dimension, key), sign, sign * recordKey),
                (dimension, key, amount) -> add(new Cell(year, fact.region(), dimension, key), sign * amount,
                        sign * recordKey));
    }

    void addAll(CellDeltas other) {
        other.deltas.forEach((cell, delta) -> add(cell, delta[0], delta[1]));
    }

    /** Adds the changes to the generation's cells in one statement. */
    void write(Connection connection, int generation) throws SQLException {
        List<Map.Entry<Cell, long[]>> changed = deltas.entrySet().stream()
                .filter(delta -> delta.getValue()[0] != 0 || delta.getValue()[1] != 0)
                .toList();
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(ADD_CELLS)) {
            upsert.setInt(1, generation);
            upsert.setArray(2, connection.createArrayOf("int4", changed.stream().map(e -> e.getKey().year()).toArray()));
            upsert.setArray(3, connection.createArrayOf("text", changed.stream().map(e -> e.getKey().region()).toArray()));
            upsert.setArray(4, connection.createArrayOf("text", changed.stream().map(e -> e.getKey().dimension()).toArray()));
            upsert.setArray(5, connection.createArrayOf("text", changed.stream().map(e -> e.getKey().key()).toArray()));
            upsert.setArray(6, connection.createArrayOf("int8", changed.stream().map(e -> e.getValue()[0]).toArray()));
            upsert.setArray(7, connection.createArrayOf("int8", changed.stream().map(e -> e.getValue()[1]).toArray()));
            upsert.executeUpdate();
        }
    }

    private void add(Cell cell, long incidents, long keySum) {
        long[] delta = deltas.computeIfAbsent(cell, c -> new long[2]);
        delta[0] += incidents;
        delta[1] += keySum;
    }

    /**
     * A cell. Its hash mixes between fields: the record's default (31 × … + field hash, linear like String's) made
     * many cells of a replay collide, and the map's lookups were a tenth of a rebuild's time (JFR).
     */
    private record Cell(int year, String region, String dimension, String key) {

        @Override
        public int hashCode() {
            return mix(mix(mix(mix(year) ^ region.hashCode()) ^ dimension.hashCode()) ^ key.hashCode());
        }

        private static int mix(int value) {
            int h = value * 0x9E3779B1;
            return h ^ (h >>> 15);
        }
    }
}
