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
import org.centinela.reporting.disclosure.CellKeyMethod;

/**
 * Turns counts read from the aggregates into the response bodies of SPEC §6/§9: every enumerated key present
 * (zeros included), months without incidents inside the period present, and every count protected
 * ({@link Protection}) unless the caller asked (and may ask) for exact figures.
 */
public final class Reports {

    private final Regions regions;

    public Reports(Regions regions) {
        this.regions = regions;
    }

    /** @param protection how counts are published; null for exact figures */
    public Map<String, Object> summary(Snapshot<Cells> snapshot, IncidentFilter filter, Protection protection) {
        Cells cells = snapshot.data();
        long total = cells.count("total", "incidents");
        long keySum = cells.keySum("total", "incidents");
        Long shownTotal = count(protection, "incidents", total, keySum);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", shownTotal);
        body.put("defendersAffected", count(protection, "defendersAffected", cells.count("total", "defenders"),
                keySum + CellKeyMethod.DEFENDERS));
        body.put("womenDefendersAffected", count(protection, "womenDefendersAffected", cells.count("total", "women"),
                keySum + CellKeyMethod.WOMEN));
        body.put("byViolation", breakdown(protection, cells, "violation", names(Violation.values()), shownTotal, false));
        body.put("byRegion", breakdown(protection, cells, "region", regionCodes(), shownTotal, true));
        body.put("byPerpetrator", breakdown(protection, cells, "perpetrator", names(Perpetrator.values()), shownTotal, false));
        body.put("byPerpetratorKind", breakdown(protection, cells, "perpetratorKind", names(PerpetratorKind.values()),
                shownTotal, false));
        body.put("bySector", breakdown(protection, cells, "sector", names(Sector.values()), shownTotal, false));
        body.put("byJusticeStatus", breakdown(protection, cells, "justiceStatus", names(JusticeStatus.values()),
                shownTotal, true));
        body.put("byVerification", breakdown(protection, cells, "verification", names(Verification.values()),
                shownTotal, true));
        body.put("byMonth", breakdown(protection, cells, "month",
                periods("month", filter, cells.dimension("month").keySet()), shownTotal, true));
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    public Map<String, Object> timeseries(Snapshot<Cells> snapshot, IncidentFilter filter, String interval,
                                          String groupBy, Protection protection) {
        Cells cells = snapshot.data();
        List<String> keys = switch (groupBy) {
            case "region" -> regionCodes();
            case "violation" -> names(Violation.values());
            case "sector" -> names(Sector.values());
            default -> names(PerpetratorKind.values());
        };
        List<Map<String, Object>> series = new ArrayList<>();
        for (String period : periods(interval, filter, cells.dimension("period").keySet())) {
            Long shownTotal = count(protection, "period:" + period, cells.count("period", period),
                    cells.keySum("period", period));
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Long> keySums = new LinkedHashMap<>();
            for (String key : keys) {
                counts.put(key, cells.count("cell", period + "|" + key));
                keySums.put(key, cells.keySum("cell", period + "|" + key));
            }
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("period", period);
            point.put("incidents", shownTotal);
            point.put("counts", protection == null ? counts
                    : protection.breakdown(period, counts, keySums, shownTotal, "region".equals(groupBy)));
            series.add(point);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval", interval);
        body.put("groupBy", groupBy);
        body.put("series", series);
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    public Map<String, Object> alerts(Snapshot<Cells> snapshot, Protection protection) {
        Cells cells = snapshot.data();
        Long raised = count(protection, "raised", cells.count("total", "raised"), cells.keySum("total", "raised"));
        Long acknowledged = count(protection, "acknowledged", cells.count("total", "acknowledged"),
                cells.keySum("total", "acknowledged"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("raised", raised);
        body.put("acknowledged", acknowledged);
        body.put("escalated", count(protection, "escalated", cells.count("total", "escalated"),
                cells.keySum("total", "escalated")));
        body.put("deliveryFailures", count(protection, "deliveryFailures", cells.count("total", "deliveryFailures"),
                cells.keySum("total", "deliveryFailures") + CellKeyMethod.DELIVERY_FAILURES));
        Map<String, Object> byPriority = new LinkedHashMap<>();
        for (Priority priority : Priority.values()) {
            // A median of fewer than k acknowledgements would tell how fast one team answered one alert.
            boolean shown = enough(protection, cells, "priorityAcknowledged", priority.name());
            Map<String, Object> times = new LinkedHashMap<>();
            times.put("median", shown ? seconds(cells.value("priorityMedian", priority.name())) : null);
            times.put("p90", shown ? seconds(cells.value("priorityP90", priority.name())) : null);
            byPriority.put(priority.name(), times);
        }
        body.put("timeToAcknowledgeSeconds", byPriority);
        List<String> codes = regionCodes(cells.dimension("regionRaised").keySet());
        Map<String, Long> raisedByRegion = breakdown(protection, cells, "regionRaised", codes, raised, true);
        Map<String, Long> acknowledgedByRegion = breakdown(protection, cells, "regionAcknowledged", codes, acknowledged,
                true);
        Map<String, Object> byRegion = new LinkedHashMap<>();
        for (String code : codes) {
            boolean shown = enough(protection, cells, "regionAcknowledged", code);
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("raised", raisedByRegion.get(code));
            region.put("acknowledged", acknowledgedByRegion.get(code));
            region.put("medianSecondsToAcknowledge", shown ? seconds(cells.value("regionMedian", code)) : null);
            byRegion.put(code, region);
        }
        body.put("byRegion", byRegion);
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }

    private static Long count(Protection protection, String cell, long n, long keySum) {
        return protection == null ? Long.valueOf(n) : protection.single(cell, n, keySum);
    }

    /** Whether a median is shown: always when exact, else over at least k acknowledgements once perturbed. */
    private static boolean enough(Protection protection, Cells cells, String dimension, String key) {
        return protection == null || protection.reaches(cells.count(dimension, key), cells.keySum(dimension, key));
    }

    private static Map<String, Long> breakdown(Protection protection, Cells cells, String dimension, List<String> keys,
                                               Long shownTotal, boolean partition) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Long> keySums = new LinkedHashMap<>();
        for (String key : keys) {
            counts.put(key, cells.count(dimension, key));
            keySums.put(key, cells.keySum(dimension, key));
        }
        // Keys outside the vocabulary (an event from a newer contract) still count.
        new TreeSet<>(cells.dimension(dimension).keySet()).forEach(key -> {
            counts.putIfAbsent(key, cells.count(dimension, key));
            keySums.putIfAbsent(key, cells.keySum(dimension, key));
        });
        return protection == null ? counts : protection.breakdown(dimension, counts, keySums, shownTotal, partition);
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
