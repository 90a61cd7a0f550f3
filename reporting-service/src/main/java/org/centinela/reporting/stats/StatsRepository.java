package org.centinela.reporting.stats;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads figures from the served generation. Questions about whole years (all time, a year, regions) add up the
 * per-year cells; others (a period within a year, a violation, sector or perpetrator-kind filter) read the
 * per-incident facts. Each method is one SQL statement, so the figures and the version
 * they belong to come from one snapshot: the filtered incidents are read once (a materialised CTE) and every
 * breakdown is a GROUP BY over them, arrays unnested for the keys an incident can carry several of. Every count
 * comes with the sum of its records' keys mod 2^32, the cell key that perturbation looks up.
 */
@ApplicationScoped
public class StatsRepository {

    private static final String STATE = """
            WITH s AS (SELECT current_generation AS g, version, changed_at FROM aggregate_state WHERE id = 1)""";
    private static final String STATE_ROW = """
            SELECT 'state', 'version', version::float8, (extract(epoch FROM changed_at) * 1000)::float8 FROM s""";

    /** The key sum of a group of incidents or alerts, mod 2^32 (the cell key of the cell-key method). */
    private static final String KEY_SUM = "(sum(cell_key) % 4294967296)::float8";
    private static final String CELL_KEY_SUM = "(sum(key_sum) % 4294967296)::float8";

    private final AgroalDataSource dataSource;

    public StatsRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Snapshot<Cells> summary(IncidentFilter filter) {
        if (wholeYears(filter)) {
            List<Object> parameters = new ArrayList<>();
            return query(STATE + ",\n" + cells(filter, parameters) + "\n" + STATE_ROW + """

                    UNION ALL SELECT 'total', key, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c WHERE dimension = 'total' GROUP BY key
                    UNION ALL SELECT 'region', region, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c
                        WHERE dimension = 'total' AND key = 'incidents' GROUP BY region
                    UNION ALL SELECT dimension, key, sum(incidents), (sum(key_sum) % 4294967296)::float8 FROM c WHERE dimension <> 'total'
                        GROUP BY dimension, key HAVING sum(incidents) <> 0""", parameters);
        }
        List<Object> parameters = new ArrayList<>();
        String sql = STATE + ",\n" + incidents(filter, parameters) + "\n" + STATE_ROW + """

                UNION ALL SELECT 'total', 'incidents', count(*), (sum(cell_key) % 4294967296)::float8 FROM f
                UNION ALL SELECT 'total', 'defenders', coalesce(sum(defenders), 0), coalesce((sum(cell_key) % 4294967296)::float8, 0) FROM f
                UNION ALL SELECT 'total', 'women', coalesce(sum(women), 0), coalesce((sum(cell_key) % 4294967296)::float8, 0) FROM f
                UNION ALL SELECT 'region', region, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY region
                UNION ALL SELECT 'justiceStatus', justice_status, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY justice_status
                UNION ALL SELECT 'verification', verification, count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY verification
                UNION ALL SELECT 'month', to_char(occurred_on, 'YYYY-MM'), count(*), (sum(cell_key) % 4294967296)::float8 FROM f GROUP BY 2
                UNION ALL SELECT 'violation', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.violations) k GROUP BY k
                UNION ALL SELECT 'perpetrator', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.perpetrators) k GROUP BY k
                UNION ALL SELECT 'perpetratorKind', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.perpetrator_kinds) k GROUP BY k
                UNION ALL SELECT 'sector', k, count(*), (sum(cell_key) % 4294967296)::float8 FROM f, unnest(f.sectors) k GROUP BY k""";
        return query(sql, parameters);
    }

    /** Cells "period|key" of dimension "cell", and "period" totals of dimension "period". */
    public Snapshot<Cells> timeseries(IncidentFilter filter, String interval, String groupBy) {
        if (wholeYears(filter) && ("year".equals(interval) || "region".equals(groupBy))) {
            return timeseriesFromCells(filter, interval, groupBy);
        }
        List<Object> parameters = new ArrayList<>();
        String period = "month".equals(interval) ? "to_char(occurred_on, 'YYYY-MM')" : "to_char(occurred_on, 'YYYY')";
        String key = switch (groupBy) {
            case "region" -> "FROM f CROSS JOIN LATERAL (SELECT f.region AS k) keys";
            case "violation" -> "FROM f, unnest(f.violations) k";
            case "sector" -> "FROM f, unnest(f.sectors) k";
            case "perpetratorKind" -> "FROM f, unnest(f.perpetrator_kinds) k";
            default -> throw new IllegalArgumentException(groupBy);
        };
        String sql = STATE + ",\n" + incidents(filter, parameters) + "\n" + STATE_ROW
                + "\nUNION ALL SELECT 'period', " + period + ", count(*), " + KEY_SUM + " FROM f GROUP BY 2"
                + "\nUNION ALL SELECT 'cell', " + period + " || '|' || k, count(*), " + KEY_SUM + " " + key + " GROUP BY 2";
        return query(sql, parameters);
    }

    public Snapshot<Cells> alerts(IncidentFilter filter) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("a.generation = s.g");
        if (filter.from() != null) {
            where.append(" AND a.raised_at >= ?::date::timestamp AT TIME ZONE 'UTC'");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND a.raised_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'");
            parameters.add(filter.to());
        }
        if (!filter.regions().isEmpty()) {
            where.append(" AND a.region = ANY(?)");
            parameters.add(filter.regions().toArray(String[]::new));
        }
        String seconds = "extract(epoch FROM acknowledged_at - raised_at)";
        String sql = STATE + ",\nf AS MATERIALIZED (SELECT a.* FROM alert_fact a, s WHERE " + where + ")\n" + STATE_ROW
                + "\nUNION ALL SELECT 'total', 'raised', count(*), coalesce(" + KEY_SUM + ", 0) FROM f"
                + "\nUNION ALL SELECT 'total', 'acknowledged', count(acknowledged_at), coalesce("
                + keySum("acknowledged_at IS NOT NULL") + ", 0) FROM f"
                + "\nUNION ALL SELECT 'total', 'escalated', count(*) FILTER (WHERE escalated), coalesce("
                + keySum("escalated") + ", 0) FROM f"
                + "\nUNION ALL SELECT 'total', 'deliveryFailures', coalesce(sum(delivery_failures), 0), coalesce("
                + KEY_SUM + ", 0) FROM f"
                + "\nUNION ALL SELECT 'priorityAcknowledged', priority, count(acknowledged_at), coalesce("
                + keySum("acknowledged_at IS NOT NULL") + ", 0) FROM f GROUP BY priority"
                + "\nUNION ALL SELECT 'priorityMedian', priority, percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds
                + "), NULL FROM f WHERE acknowledged_at IS NOT NULL GROUP BY priority"
                + "\nUNION ALL SELECT 'priorityP90', priority, percentile_cont(0.9) WITHIN GROUP (ORDER BY " + seconds
                + "), NULL FROM f WHERE acknowledged_at IS NOT NULL GROUP BY priority"
                + "\nUNION ALL SELECT 'regionRaised', region, count(*), " + KEY_SUM + " FROM f GROUP BY region"
                + "\nUNION ALL SELECT 'regionAcknowledged', region, count(acknowledged_at), coalesce("
                + keySum("acknowledged_at IS NOT NULL") + ", 0) FROM f GROUP BY region"
                + "\nUNION ALL SELECT 'regionMedian', region, percentile_cont(0.5) WITHIN GROUP (ORDER BY " + seconds
                + "), NULL FROM f WHERE acknowledged_at IS NOT NULL GROUP BY region";
        return query(sql, parameters);
    }

    private static String keySum(String condition) {
        return "(sum(cell_key) FILTER (WHERE " + condition + ") % 4294967296)::float8";
    }

    /**
     * Whether the per-year cells answer the filter: whole calendar years (or all time), any regions, no filter on
     * the keys an incident carries several of.
     */
    static boolean wholeYears(IncidentFilter filter) {
        return filter.violations().isEmpty() && filter.sectors().isEmpty() && filter.perpetratorKinds().isEmpty()
                && (filter.from() == null || filter.from().getDayOfYear() == 1)
                && (filter.to() == null || filter.to().plusDays(1).getDayOfYear() == 1);
    }

    private Snapshot<Cells> timeseriesFromCells(IncidentFilter filter, String interval, String groupBy) {
        List<Object> parameters = new ArrayList<>();
        boolean yearly = "year".equals(interval);
        String periodTotals = yearly
                ? "SELECT 'period', year::text, sum(incidents), " + CELL_KEY_SUM + " FROM c WHERE dimension = 'total' AND key = 'incidents' GROUP BY year"
                : "SELECT 'period', key, sum(incidents), " + CELL_KEY_SUM + " FROM c WHERE dimension = 'month' GROUP BY key HAVING sum(incidents) <> 0";
        String period = yearly ? "year::text" : "key";
        String cellRows;
        if ("region".equals(groupBy)) {
            cellRows = "SELECT 'cell', " + period + " || '|' || region, sum(incidents), " + CELL_KEY_SUM + " FROM c WHERE "
                    + (yearly ? "dimension = 'total' AND key = 'incidents'" : "dimension = 'month'")
                    + " GROUP BY " + period + ", region";
        } else {
            cellRows = "SELECT 'cell', year::text || '|' || key, sum(incidents), " + CELL_KEY_SUM + " FROM c WHERE dimension = ?"
                    + " GROUP BY year, key";
        }
        String sql = STATE + ",\n" + cells(filter, parameters) + "\n" + STATE_ROW
                + "\nUNION ALL " + periodTotals + "\nUNION ALL " + cellRows;
        if (!"region".equals(groupBy)) {
            parameters.add(groupBy);
        }
        return query(sql, parameters);
    }

    private static String cells(IncidentFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder("c.generation = s.g");
        if (filter.from() != null) {
            where.append(" AND c.year >= ?");
            parameters.add(filter.from().getYear());
        }
        if (filter.to() != null) {
            where.append(" AND c.year <= ?");
            parameters.add(filter.to().getYear());
        }
        if (!filter.regions().isEmpty()) {
            where.append(" AND c.region = ANY(?)");
            parameters.add(filter.regions().toArray(String[]::new));
        }
        return "c AS MATERIALIZED (SELECT c.year, c.region, c.dimension, c.key, c.incidents, c.key_sum FROM incident_cell c, s WHERE "
                + where + ")";
    }

    private static String incidents(IncidentFilter filter, List<Object> parameters) {
        StringBuilder where = new StringBuilder("i.generation = s.g");
        if (filter.from() != null) {
            where.append(" AND i.occurred_on >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND i.occurred_on <= ?");
            parameters.add(filter.to());
        }
        if (!filter.regions().isEmpty()) {
            where.append(" AND i.region = ANY(?)");
            parameters.add(filter.regions().toArray(String[]::new));
        }
        if (!filter.violations().isEmpty()) {
            where.append(" AND i.violations && ?");
            parameters.add(filter.violations().toArray(String[]::new));
        }
        if (!filter.sectors().isEmpty()) {
            where.append(" AND i.sectors && ?");
            parameters.add(filter.sectors().toArray(String[]::new));
        }
        if (!filter.perpetratorKinds().isEmpty()) {
            where.append(" AND i.perpetrator_kinds && ?");
            parameters.add(filter.perpetratorKinds().toArray(String[]::new));
        }
        return "f AS MATERIALIZED (SELECT i.region, i.occurred_on, i.violations, i.perpetrators, i.perpetrator_kinds, "
                + "i.sectors, i.defenders, i.women, i.justice_status, i.verification, i.cell_key FROM incident_fact i, s WHERE "
                + where + ")";
    }

    private Snapshot<Cells> query(String sql, List<Object> parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof String[] codes) {
                    statement.setArray(i + 1, connection.createArrayOf("text", codes));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            Cells cells = new Cells();
            long version = 0;
            Instant asOf = null;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if ("state".equals(rows.getString(1))) {
                        version = Math.round(rows.getDouble(3));
                        asOf = Instant.ofEpochMilli(Math.round(rows.getDouble(4)));
                    } else {
                        cells.put(rows.getString(1), rows.getString(2), rows.getDouble(3), Math.round(rows.getDouble(4)));
                    }
                }
            }
            return new Snapshot<>(version, asOf, cells);
        } catch (SQLException e) {
            throw new IllegalStateException("Statistics query failed", e);
        }
    }
}
