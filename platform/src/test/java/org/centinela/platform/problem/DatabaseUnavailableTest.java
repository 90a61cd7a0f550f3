package org.centinela.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabaseUnavailableTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("a closed connection, wrapped", new IllegalStateException("Could not take a reference number",
                        new SQLException("This connection has been closed.", "08003")), true),
                Arguments.of("connection refused", new SQLException("Connection to 127.0.0.1:5432 refused", "08001"), true),
                Arguments.of("the server shutting down", new SQLException("terminating connection due to administrator command", "57P01"), true),
                Arguments.of("the server starting", new SQLException("the database system is starting up", "57P03"), true),
                Arguments.of("too many connections", new SQLException("sorry, too many clients already", "53300"), true),
                Arguments.of("the pool's timeout", new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection")), true),
                Arguments.of("a transient connection failure", new SQLTransientConnectionException("gone"), true),
                Arguments.of("a commit that failed as the connection dropped (the cause only suppressed)",
                        suppressing(new RollbackException("ARJUNA016053: Could not commit transaction."),
                                new SQLException("An I/O error occurred while sending to the backend.", "08006")), true),
                Arguments.of("a rolled-back commit for another reason", new RollbackException("ARJUNA016053"), false),
                Arguments.of("a unique violation", new SQLException("duplicate key value", "23505"), false),
                Arguments.of("a bug", new NullPointerException(), false),
                Arguments.of("a syntax error, wrapped", new IllegalStateException(new SQLException("syntax error", "42601")), false));
    }

    private static Throwable suppressing(Throwable failure, Throwable suppressed) {
        failure.addSuppressed(suppressed);
        return failure;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void onlyFailuresOfReachingTheDatabaseMeanItIsUnavailable(String what, Throwable failure, boolean unavailable) {
        assertEquals(unavailable, DatabaseUnavailable.causes(failure));
    }
}
