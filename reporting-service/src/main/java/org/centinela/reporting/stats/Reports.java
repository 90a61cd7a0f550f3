package org.centinela.reporting.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Region;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/**
 * Turns counts read from the aggregates into the response bodies of SPEC §6/§9: every enumerated key present
 * (zeros included), months without incidents inside the period present, and small cells suppressed unless the
 * caller asked (and may ask) for exact figures.
 */
public final class Reports {

    private final Regions regions;
    private final SmallCellSuppression suppression;

    public Reports(Regions regions, SmallCellSuppression suppression) {
        this.regions = regions;
        this.suppression = suppression;
    }

    public Map<String, Object> summary(Snapshot<Cells> snapshot, IncidentFilter filter, boolean exact) {
        Cells cells = snapshot.data();
        long total = cells.count("total", "incidents");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", count(total, exact));
        body.put("defendersAffected", count(cells.count("total", "defenders"), exact));
        body.put("womenDefendersAffected", count(cells.count("total", "women"), exact));
        body.put("byViolation", overlapping(cells, "violation", names(Violation.values()), total, exact));
        body.put("byRegion", partition(cells, "region", regionCodes(), total, exact));
        body.put("byPerpetrator", overlapping(cells, "perpetrator", names(Perpetrator.values()), total, exact));
        body.put("byPerpetratorKind", overlapping(cells, "perpetratorKind", names(PerpetratorKind.values()), total, exact));
        body.put("bySector", overlapping(cells, "sector", names(Sector.values()), total, exact));
        body.put("byJusticeStatus", partition(cells, "justiceStatus", names(JusticeStatus.values()), total, exact));
        body.put("byVerification", partition(cells, "verification", names(Verification.values()), total, exact));
        body.put("byMonth", partition(cells, "month", periods("month", filter, cells.dimension("month").keySet()),
                total, exact));
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    public Map<String, Object> timeseries(Snapshot<Cells> snapshot, IncidentFilter filter, String interval,
                                          String groupBy, boolean exact) {
        Cells cells = snapshot.data();
        List<String> keys = switch (groupBy) {
            case "region" -> regionCodes();
            case "violation" -> names(Violation.values());
            case "sector" -> names(Sector.values());
            default -> names(PerpetratorKind.values());
        };
        List<Map<String, Object>> series = new ArrayList<>();
        for (String period : periods(interval, filter, cells.dimension("period").keySet())) {
            long total = cells.count("period", period);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String key : keys) {
                counts.put(key, cells.count("cell", period + "|" + key));
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("period", period);
            point.put("incidents", count(total, exact));
            point.put("counts", exact ? counts
                    : "region".equals(groupBy) ? suppression.partition(counts, total) : suppression.overlapping(counts, total));
            series.add(point);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", interval);
        body.put("groupBy", groupBy);
        body.put("series", series);
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    public Map<String, Object> alerts(Snapshot<Cells> snapshot, boolean exact) {
        Cells cells = snapshot.data();
        long raised = cells.count("total", "raised");
        long acknowledged = cells.count("total", "acknowledged");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("raised", count(raised, exact));
        body.put("acknowledged", count(acknowledged, exact));
        body.put("escalated", count(cells.count("total", "escalated"), exact));
        body.put("deliveryFailures", count(cells.count("total", "deliveryFailures"), exact));
        Map<String, Object> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            // A median of fewer than k acknowledgements would tell how fast one team answered one alert.
            boolean shown = exact || cells.count("priorityAcknowledged", priority.name()) >= suppression.k();
            Map<String, Object> times = new LinkedHashMap<>();
            times.put("median", shown ? seconds(cells.value("priorityMedian", priority.name())) : null);
            times.put("p90", shown ? seconds(cells.value("priorityP90", priority.name())) : null);
            byPriority.put(priority.name(), times);
        }
        body.put("timeToAcknowledgeSeconds", byPriority);
        List<String> codes = regionCodes(cells.dimension("regionRaised").keySet());
        Map<String, Long> raisedByRegion = partition(cells, "regionRaised", codes, raised, exact);
        Map<String, Long> acknowledgedByRegion = partition(cells, "regionAcknowledged", codes, acknowledged, exact);
        Map<String, Object> byRegion = new LinkedHashMap<>();
        for (String code : codes) {
            boolean shown = exact || cells.count("regionAcknowledged", code) >= suppression.k();
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("raised", raisedByRegion.get(code));
            region.put("acknowledged", acknowledgedByRegion.get(code));
            region.put("medianSecondsToAcknowledge", shown ? seconds(cells.value("regionMedian", code)) : null);
            byRegion.put(code, region);
        }
        body.put("byRegion", byRegion);
        body.putAll(TimeToResolve.body(cells, codes, exact, suppression.k(), count(cells.count("total", "resolved"), exact)));
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    private Long count(long n, boolean exact) {
        return exact ? Long.valueOf(n) : suppression.single(n);
    }

    private Map<String, Long> partition(Cells cells, String dimension, List<String> keys, long total, boolean exact) {
        Map<String, Long> counts = counts(cells, dimension, keys);
        return exact ? counts : suppression.partition(counts, total);
    }

    private Map<String, Long> overlapping(Cells cells, String dimension, List<String> keys, long total,
                                         boolean exact) {
        Map<String, Long> counts = counts(cells, dimension, keys);
        return exact ? counts : suppression.overlapping(counts, total);
    }

    private static Map<String, Long> counts(Cells cells, String dimension, List<String> keys) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String key : keys) {
            counts.put(key, cells.count(dimension, key));
        }
        // Keys outside the vocabulary (an event from a newer contract) still count.
        new TreeSet<>(cells.dimension(dimension).keySet()).forEach(key -> counts.putIfAbsent(key, cells.count(dimension, key)));
        return counts;
    }

    private List<String> regionCodes() {
        return regions.all().stream().map(Region::code).toList();
    }

    private List<String> regionCodes(Iterable<String> extra) {
        List<String> codes = new ArrayList<>(regionCodes());
        for (String code : extra) {
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * Periods from {@code from} (or the first with incidents) to {@code to} (or the last with incidents), so a
     * period without incidents shows as 0 rather than missing.
     */
    static List<String> periods(String interval, IncidentFilter filter, Iterable<String> present) {
        TreeSet<String> seen = new TreeSet<>();
        present.forEach(seen::add);
        if (seen.isEmpty() && (filter.from() == null || filter.to() == null)) {
            return List.of();
        }
        boolean monthly = "month".equals(interval);
        YearMonth first = filter.from() != null ? YearMonth.from(filter.from()) : parse(seen.first(), monthly);
        YearMonth last = filter.to() != null ? YearMonth.from(filter.to()) : parse(seen.last(), monthly);
        List<String> periods = new ArrayList<>();
        if (monthly) {
            for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
                periods.add(month.toString());
            }
        } else {
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                periods.add(Integer.toString(year));
            }
        }
        return periods;
    }

    private static YearMonth parse(String period, boolean monthly) {
        return monthly ? YearMonth.parse(period) : YearMonth.of(Integer.parseInt(period), 1);
    }

    private static Long seconds(Double value) {
        return value == null ? null : Math.round(value);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
