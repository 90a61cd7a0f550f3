package org.centinela.reporting.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.centinela.contract.vocabulary.Priority;

/**
 * Time from raised to resolved in the alert statistics: the cells the alerts query adds (over its alert facts
 * {@code f}) and the part of the body they make, median and p90 by priority and by region, each shown only when at
 * least k alerts of it were resolved, the count perturbed like every other (fewer would tell how one team handled
 * one case). Counts carry their cell-key sums, as the other cells of the alerts query.
 */
final class TimeToResolve {

    private static final String SECONDS = "extract(epoch FROM resolved_at - raised_at)";

    /** UNION ALL rows for the alerts query: counts of resolved alerts and the percentiles, by priority and region. */
    static final String CELLS = "\nUNION ALL SELECT 'total', 'resolved', count(resolved_at), coalesce("
            + "(sum(cell_key) FILTER (WHERE resolved_at IS NOT NULL) % 4294967296)::float8, 0) FROM f"
            + rows("priority") + rows("region");

    private TimeToResolve() {
    }

    private static String rows(String by) {
        String resolved = " FROM f WHERE resolved_at IS NOT NULL GROUP BY " + by;
        return "\nUNION ALL SELECT '" + by + "Resolved', " + by + ", count(*), coalesce((sum(cell_key) % 4294967296)::float8, 0)"
                + resolved
                + "\nUNION ALL SELECT '" + by + "ResolveMedian', " + by + ", percentile_cont(0.5) WITHIN GROUP (ORDER BY "
                + SECONDS + "), NULL" + resolved
                + "\nUNION ALL SELECT '" + by + "ResolveP90', " + by + ", percentile_cont(0.9) WITHIN GROUP (ORDER BY "
                + SECONDS + "), NULL" + resolved;
    }

    /**
     * {@code resolved}, {@code timeToResolveSeconds} by priority and {@code timeToResolveSecondsByRegion};
     * {@code protection} null = exact figures.
     */
    static Map<String, Object> body(Cells cells, List<String> regionCodes, Protection protection) {
        long n = cells.count("total", "resolved");
        long keySum = cells.keySum("total", "resolved");
        Long resolved = protection == null ? Long.valueOf(n) : protection.single("resolved", n, keySum);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resolved", resolved);
        Map<String, Object> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.name(), times(cells, "priority", priority.name(), protection));
        }
        body.put("timeToResolveSeconds", byPriority);
        Map<String, Object> byRegion = new LinkedHashMap<>();
        for (String code : regionCodes) {
            byRegion.put(code, times(cells, "region", code, protection));
        }
        body.put("timeToResolveSecondsByRegion", byRegion);
        return body;
    }

    private static Map<String, Long> times(Cells cells, String by, String key, Protection protection) {
        boolean shown = protection == null
                || protection.reaches(cells.count(by + "Resolved", key), cells.keySum(by + "Resolved", key));
        Map<String, Long> times = new LinkedHashMap<>();
        times.put("median", shown ? seconds(cells.value(by + "ResolveMedian", key)) : null);
        times.put("p90", shown ? seconds(cells.value(by + "ResolveP90", key)) : null);
        return times;
    }

    private static Long seconds(Double value) {
        return value == null ? null : Math.round(value);
    }
}
