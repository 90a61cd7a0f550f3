package org.centinela.reporting.stats;

import java.util.List;
import java.util.Map;

/** The CSV exports (UTF-8, header row): breakdown cells of a summary or cells of a time series, never incidents. */
final class Csv {

    static final String SUMMARY_HEADER = "breakdown,key,incidents";
    static final String TIMESERIES_HEADER = "period,key,incidents";

    private Csv() {
    }

    @SuppressWarnings("unchecked")
    static String summary(Map<String, Object> summary) {
        StringBuilder csv = new StringBuilder(SUMMARY_HEADER).append("\r\n");
        row(csv, "total", "incidents", summary.get("incidents"));
        for (String breakdown : List.of("byViolation", "byRegion", "byPerpetrator", "byPerpetratorKind", "bySector",
                "byJusticeStatus", "byVerification", "byMonth")) {
            ((Map<String, Long>) summary.get(breakdown)).forEach((key, value) -> row(csv, breakdown, key, value));
        }
        return csv.toString();
    }

    @SuppressWarnings("unchecked")
    static String timeseries(Map<String, Object> timeseries) {
        StringBuilder csv = new StringBuilder(TIMESERIES_HEADER).append("\r\n");
        for (Map<String, Object> point : (List<Map<String, Object>>) timeseries.get("series")) {
            String period = (String) point.get("period");
            ((Map<String, Long>) point.get("counts")).forEach((key, value) -> row(csv, period, key, value));
        }
        return csv.toString();
    }

    /** Codes, months and counts never contain a comma or a quote; a suppressed count is an empty field. */
    private static void row(StringBuilder csv, String first, String key, Object value) {
        csv.append(first).append(',').append(key).append(',').append(value == null ? "" : value).append("\r\n");
    }
}
