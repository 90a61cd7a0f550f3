package org.centinela.reporting.ingest;

/** A record that is not a Centinela event this service can read; it goes to the topic's DLQ. */
public class UnreadableEventException extends Exception {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
