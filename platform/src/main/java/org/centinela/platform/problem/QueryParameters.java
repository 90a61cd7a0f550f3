package org.centinela.platform.problem;

import java.util.List;

/** Query parameters read as text and checked here, so that a bad one becomes a named field of a 400 problem. */
public final class QueryParameters {

    private QueryParameters() {
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
}
