package org.centinela.platform.kafka;

/**
 * A record that is not a Centinela event its consumer can act on, now or ever: it goes to {@code <topic>.dlq} with
 * this message, and consumption goes on. Never thrown for a failure that could pass (a database away).
 */
public class UnreadableEventException extends Exception {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
