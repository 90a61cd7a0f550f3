package org.centinela.intake.outbox;

/** Fired inside a transaction that wrote outbox rows; observed after its commit to wake the relay at once. */
public record OutboxWritten() {
}
