package org.centinela.reporting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bounds of a stats question as tables; today is 2026-12-01 here. */
class QueryBoundsTest {

    static final QueryBounds BOUNDS = new QueryBounds(Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC), 10_000);

    @ParameterizedTest(name = "{0} in range: {1}")
    @CsvSource({"1989-12-31, false", "1990-01-01, true", "2026-12-01, true", "2026-12-02, false", "0001-01-01, false"})
    void datesLieWithin1990AndToday(LocalDate date, boolean allowed) {
        assertEquals(allowed, BOUNDS.outOfRange(date) == null);
    }

    @ParameterizedTest(name = "from {0}: {1}; to {0}: {2}")
    @CsvSource({"2011-03-01, true, false", "2011-03-15, false, false", "2011-03-31, false, true",
            "2012-02-29, false, true", "2026-12-01, true, true", "2026-11-30, false, true"})
    void viewersPeriodsAreWholeMonthsOrEndToday(LocalDate date, boolean asFrom, boolean asTo) {
        assertEquals(asFrom, QueryBounds.notMonthStart(date) == null);
        assertEquals(asTo, BOUNDS.notMonthEnd(date) == null);
    }

    @ParameterizedTest(name = "{0} from {1} to {2}, {3} keys: allowed {4}")
    @CsvSource(nullValues = "-", value = {
            "month, -, -, 26, false",            // 444 months × 27
            "month, -, -, 21, true",             // 444 × 22 = 9768
            "year, -, -, 26, true",
            "month, 2000-01-01, 2026-12-01, 26, true",
            "month, 1990-01-01, 2026-12-01, 22, false"})
    void aTimeSeriesHasAtMostTheCapOfCells(String interval, LocalDate from, LocalDate to, int keys, boolean allowed) {
        assertEquals(allowed, BOUNDS.tooManyCells(interval, from, to, keys) == null);
    }

    @ParameterizedTest(name = "{0} values: allowed {1}")
    @CsvSource({"0, true", "1, true", "2, false"})
    void aFilterIsGivenAtMostOnceForFiguresThatAreNotExact(int values, boolean allowed) {
        assertEquals(allowed, QueryBounds.repeated(List.of("A", "B").subList(0, values)) == null);
    }
}
