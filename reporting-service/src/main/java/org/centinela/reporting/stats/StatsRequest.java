package org.centinela.reporting.stats;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;

/**
 * The query parameters of a stats request, checked: an unknown parameter, an unknown code, a bad date, a date
 * outside 1990-01-01..today, from after to, and what {@link QueryBounds} refuses (parts of months, repeated
 * filters for figures that are not exact; too many time-series cells) is a 400 naming the parameter. {@link #canonical()} identifies the request for ETags and the
 * response cache, whatever the order of its parameters.
 */
public record StatsRequest(IncidentFilter filter, boolean exact, String interval, String groupBy, String canonical) {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String REGION = "region";
    public static final String VIOLATION = "violation";
    public static final String SECTOR = "sector";
    public static final String PERPETRATOR_KIND = "perpetratorKind";
    public static final String EXACT = "exact";
    public static final String INTERVAL = "interval";
    public static final String GROUP_BY = "groupBy";

    public static final Set<String> SUMMARY = Set.of(FROM, TO, REGION, VIOLATION, SECTOR, PERPETRATOR_KIND, EXACT);
    public static final Set<String> TIMESERIES = Set.of(FROM, TO, REGION, VIOLATION, SECTOR, PERPETRATOR_KIND, EXACT,
            INTERVAL, GROUP_BY);
    public static final Set<String> ALERTS = Set.of(FROM, TO, REGION, EXACT);
    public static final List<String> INTERVALS = List.of("month", "year");
    public static final List<String> GROUP_BYS = List.of("violation", "region", "perpetratorKind", "sector");
    // Built once: every request is checked against them (a 304 too, before its ETag).
    private static final Predicate<String> VIOLATIONS = names(Violation.values());
    private static final Predicate<String> SECTORS = names(Sector.values());
    private static final Predicate<String> PERPETRATOR_KINDS = names(PerpetratorKind.values());

    public boolean isTimeseries() {
        return interval != null;
    }

    /**
     * @param timeseriesRequired whether interval and groupBy must be given (timeseries) or, when allowed but
     *                           absent, mean "the summary" (export.csv)
     */
    public static StatsRequest parse(MultivaluedMap<String, String> query, Set<String> allowed, Regions regions,
                                     boolean timeseriesRequired, QueryBounds bounds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, List<String>> sorted = new TreeMap<>();
        query.forEach((name, values) -> {
            if (!allowed.contains(name)) {
                errors.add(new Problem.FieldError(name, "unknown parameter; allowed: " + allowed.stream().sorted().toList()));
            } else {
                sorted.put(name, values.stream().sorted().toList());
            }
        });
        LocalDate from = date(sorted, FROM, errors, bounds);
        LocalDate to = date(sorted, TO, errors, bounds);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new Problem.FieldError(TO, "must not be before from"));
        }
        boolean exact = flag(sorted, errors);
        if (!exact) {
            check(errors, FROM, from == null ? null : QueryBounds.notMonthStart(from));
            check(errors, TO, to == null ? null : bounds.notMonthEnd(to));
            for (String filter : List.of(REGION, VIOLATION, SECTOR, PERPETRATOR_KIND)) {
                check(errors, filter, QueryBounds.repeated(sorted.getOrDefault(filter, List.of())));
            }
        }
        List<String> regionCodes = codes(sorted, REGION, regions::contains, errors);
        List<String> violations = codes(sorted, VIOLATION, VIOLATIONS, errors);
        List<String> sectors = codes(sorted, SECTOR, SECTORS, errors);
        List<String> kinds = codes(sorted, PERPETRATOR_KIND, PERPETRATOR_KINDS, errors);
        String interval = oneOf(sorted, INTERVAL, INTERVALS, errors);
        String groupBy = oneOf(sorted, GROUP_BY, GROUP_BYS, errors);
        if (allowed.contains(INTERVAL) && (timeseriesRequired || interval != null || groupBy != null)) {
            if (interval == null && !sorted.containsKey(INTERVAL)) {
                errors.add(new Problem.FieldError(INTERVAL, "required: one of " + INTERVALS));
            }
            if (groupBy == null && !sorted.containsKey(GROUP_BY)) {
                errors.add(new Problem.FieldError(GROUP_BY, "required: one of " + GROUP_BYS));
            }
        }
        if (interval != null && groupBy != null) {
            int keys = switch (groupBy) {
                case "region" -> regions.all().size();
                case "violation" -> Violation.values().length;
                case "sector" -> Sector.values().length;
                default -> PerpetratorKind.values().length;
            };
            check(errors, INTERVAL, bounds.tooManyCells(interval, from, to, keys));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("Invalid statistics query", errors));
        }
        StringBuilder canonical = new StringBuilder();
        sorted.forEach((name, values) -> values.forEach(value -> canonical.append(name).append('=').append(value).append('&')));
        return new StatsRequest(new IncidentFilter(from, to, regionCodes, violations, sectors, kinds), exact,
                interval, groupBy, canonical.toString());
    }

    private static LocalDate date(Map<String, List<String>> query, String name, List<Problem.FieldError> errors,
                                  QueryBounds bounds) {
        String value = single(query, name, errors);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(name, "must be a date YYYY-MM-DD"));
            return null;
        }
        String outOfRange = bounds.outOfRange(date);
        if (outOfRange != null) {
            errors.add(new Problem.FieldError(name, outOfRange));
            return null;
        }
        return date;
    }

    private static void check(List<Problem.FieldError> errors, String field, String message) {
        if (message != null) {
            errors.add(new Problem.FieldError(field, message));
        }
    }

    private static boolean flag(Map<String, List<String>> query, List<Problem.FieldError> errors) {
        String value = single(query, EXACT, errors);
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        errors.add(new Problem.FieldError(EXACT, "must be true or false"));
        return false;
    }

    private static String oneOf(Map<String, List<String>> query, String name, List<String> allowed,
                                List<Problem.FieldError> errors) {
        String value = single(query, name, errors);
        if (value != null && !allowed.contains(value)) {
            errors.add(new Problem.FieldError(name, "must be one of " + allowed));
            return null;
        }
        return value;
    }

    private static String single(Map<String, List<String>> query, String name, List<Problem.FieldError> errors) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            errors.add(new Problem.FieldError(name, "must be given once"));
            return null;
        }
        return values.get(0);
    }

    private static List<String> codes(Map<String, List<String>> query, String name, Predicate<String> known,
                                      List<Problem.FieldError> errors) {
        List<String> values = query.getOrDefault(name, List.of());
        for (String value : values) {
            if (!known.test(value)) {
                errors.add(new Problem.FieldError(name, "unknown code " + value));
            }
        }
        return values.stream().distinct().toList();
    }

    private static Predicate<String> names(Enum<?>[] values) {
        Set<String> names = Set.copyOf(Arrays.stream(values).map(Enum::name).toList());
        return names::contains;
    }
}
