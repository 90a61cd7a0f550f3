package org.centinela.intake.outbox;

/** Metric names of the outbox relay (Prometheus adds {@code _total} to counters). */
public final class OutboxMetrics {

    public static final String PUBLISHED = "centinela_intake_outbox_published";
    public static final String FAILURES = "centinela_intake_outbox_publish_failures";

    private OutboxMetrics() {
    }
}
