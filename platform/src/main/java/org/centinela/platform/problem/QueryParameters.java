package org.centinela.platform.problem;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Query parameters read as text and checked here, so that a bad one becomes a named field of a 400 problem. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A page of a listing: its offset ({@code page × size}) fits an {@code int}, as the database query needs. */
    public record Paging(int page, int size) {
    }

    /** {@code value} as an integer in [min, max]; {@code fallback} when absent; else an error and {@code fallback}. */
    public static int integer(String name, String value, int fallback, int min, int max, List<Problem.FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below like any other out-of-range value
        }
        errors.add(new Problem.FieldError(name, "must be an integer between " + min + " and " + max));
        return fallback;
    }

    /**
     * {@code page} (from 0, default 0) and {@code size} (1..maxSize, default {@code defaultSize}), with the page
     * bounded so that its offset cannot overflow (page 21474837 of size 100 would be a negative offset).
     */
    public static Paging paging(String page, String size, int defaultSize, int maxSize, List<Problem.FieldError> errors) {
        int pageSize = integer("size", size, defaultSize, 1, maxSize, errors);
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE / pageSize - 1, errors);
        return new Paging(pageNumber, pageSize);
    }

    /** {@code value} as a {@code YYYY-MM-DD} date in [earliest, latest]; null when absent or wrong (then an error). */
    public static LocalDate date(String name, String value, LocalDate earliest, LocalDate latest,
                                 List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            LocalDate parsed = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            if (!parsed.isBefore(earliest) && !parsed.isAfter(latest)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below like any other out-of-range value
        }
        errors.add(new Problem.FieldError(name, "must be a date YYYY-MM-DD between " + earliest + " and " + latest));
        return null;
    }
}
