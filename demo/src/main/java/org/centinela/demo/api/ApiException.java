package org.centinela.demo.api;

/** A request the API refused for good, or that kept failing past the retry policy; the message says which. */
public final class ApiException extends RuntimeException {

    private final int status;

    ApiException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the last answer, or {@link RetryPolicy#NO_ANSWER}. */
    public int status() {
        return status;
    }
}
