package org.centinela.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static List<String> pagingErrors(String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        QueryParameters.paging(page, size, 20, 100, errors);
        return errors.stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aPageIsRefusedWhenItsOffsetWouldOverflow() {
        String[][] table = {
                // page, size, fields named
                {"21474837", "100", "page"},
                {"21474835", "100", ""},
                {"2147483647", null, "page"},
                {"-1", "20", "page"},
                {"0", "0", "size"},
                {"0", "101", "size"},
                {"1e3", "20", "page"},
                {null, null, ""},
        };
        for (String[] row : table) {
            List<String> expected = row[2].isEmpty() ? List.of() : List.of(row[2]);
            assertEquals(expected, pagingErrors(row[0], row[1]), String.join(",", row[0], row[1]));
        }
    }

    @Test
    void aDateOutsideItsRangeOrNotYyyyMmDdIsRefusedNamingTheParameter() {
        for (String value : List.of("1989-12-31", "2026-12-02", "+5000000-12-31", "0001-01-01", "2017-8-21", "", "2017-02-30")) {
            List<Problem.FieldError> errors = new ArrayList<>();
            assertNull(QueryParameters.date("from", value, EARLIEST, TODAY, errors), value);
            assertEquals(List.of("from"), errors.stream().map(Problem.FieldError::field).toList(), value);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        assertEquals(TODAY, QueryParameters.date("to", "2026-12-01", EARLIEST, TODAY, errors));
        assertEquals(EARLIEST, QueryParameters.date("to", "1990-01-01", EARLIEST, TODAY, errors));
        assertEquals(List.of(), errors);
    }
}
