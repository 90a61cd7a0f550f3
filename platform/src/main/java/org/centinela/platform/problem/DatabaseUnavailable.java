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
        return causes(failure, 0);
    }

    /**
     * Along causes and suppressed exceptions: Narayana's RollbackException for a commit whose connection dropped
     * carries the driver's exception only as suppressed.
     */
    private static boolean causes(Throwable failure, int depth) {
        if (failure == null || depth >= MAX_DEPTH) {
            return false;
        }
        if (failure instanceof SQLTransientConnectionException || failure instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causes(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && causes(failure.getCause(), depth + 1);
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
