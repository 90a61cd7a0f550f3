package org.centinela.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached right now (refused or lost connections, a server shutting
 * down or restarting, the pool's acquisition timeout), whatever wraps it: such a request may succeed when retried,
 * so it is answered 503 with Retry-After, not 500.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL's admin shutdown, crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_DEPTH = 20;

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current instanceof SQLTransientConnectionException) {
                return true;
            }
            if (current instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean unavailable(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || STATES.contains(state))) {
            return true; // class 08: connection exception
        }
        // Agroal's pool timeout carries no SQL state.
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
