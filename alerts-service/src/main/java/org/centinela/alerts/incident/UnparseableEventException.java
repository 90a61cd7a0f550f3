package org.centinela.alerts.incident;

/** A record that is not a Centinela incident event this service can act on; it goes to the dead-letter topic. */
public class UnparseableEventException extends Exception {

    public UnparseableEventException(String message) {
        super(message);
    }

    public UnparseableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
