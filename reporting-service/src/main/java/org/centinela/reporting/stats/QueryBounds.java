package org.centinela.reporting.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.centinela.platform.problem.Problem;

/**
 * What a stats question may ask (SPEC §6, §7). For everyone: dates within 1990-01-01..today and a time series of
 * at most {@code maxTimeseriesCells} cells (periods × (keys + the period total)), so no request does unbounded work.
 * For figures that are not exact: whole months (from the first day of a month to the last day of a month, or to
 * today) and each filter given once, so that a reader cannot difference one-day window shifts or unions of
 * filters down to a single incident; the remaining differences are covered by cell-key perturbation.
 */
public final class QueryBounds {

    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private final Clock clock;
    private final int maxTimeseriesCells;

    public QueryBounds(Clock clock, int maxTimeseriesCells) {
        this.clock = clock;
        this.maxTimeseriesCells = maxTimeseriesCells;
    }

    public int maxTimeseriesCells() {
        return maxTimeseriesCells;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A date within 1990-01-01..today, or why not. */
    String outOfRange(LocalDate date) {
        if (date.isBefore(EARLIEST) || date.isAfter(today())) {
            return "must be between " + EARLIEST + " and today (" + today() + ")";
        }
        return null;
    }

    /** For figures that are not exact: from is the first day of a month. */
    static String notMonthStart(LocalDate from) {
        return from.getDayOfMonth() == 1 ? null
                : "must be the first day of a month (figures that are not exact cover whole months), e.g. "
                + from.withDayOfMonth(1);
    }

    /** For figures that are not exact: to is the last day of a month, or today. */
    String notMonthEnd(LocalDate to) {
        return to.equals(YearMonth.from(to).atEndOfMonth()) || to.equals(today()) ? null
                : "must be the last day of a month or today (figures that are not exact cover whole months), e.g. "
                + YearMonth.from(to).atEndOfMonth();
    }

    /** Filters a reader could otherwise union and difference: given at most once unless figures are exact. */
    static String repeated(List<String> values) {
        return values.size() > 1 ? "give at most one value (or none, for all) unless figures are exact" : null;
    }

    /** The cells a time series would have over the period asked (1990-01-01..today where open), or why too many. */
    String tooManyCells(String interval, LocalDate from, LocalDate to, int keys) {
        LocalDate first = from != null ? from : EARLIEST;
        LocalDate last = to != null ? to : today();
        long periods = "year".equals(interval)
                ? last.getYear() - first.getYear() + 1
                : ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(last)) + 1;
        long cells = periods * (keys + 1L);
        return cells > maxTimeseriesCells
                ? "a time series has at most " + maxTimeseriesCells + " cells (periods × (keys + 1)); this one has "
                + cells + ": choose interval=year or a shorter period"
                : null;
    }

    static Problem.FieldError error(String field, String message) {
        return new Problem.FieldError(field, message);
    }
}
