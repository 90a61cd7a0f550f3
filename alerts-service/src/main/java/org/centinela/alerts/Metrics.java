package org.centinela.alerts;

/** Metric names of alerts-service (Prometheus at /q/metrics), shared with the tests. */
public final class Metrics {

    /** Alerts raised, by priority. */
    public static final String ALERTS_RAISED = "centinela_alerts_alerts_raised_total";
    /** Delivery attempts, by channel and outcome. */
    public static final String DELIVERY_ATTEMPTS = "centinela_alerts_delivery_attempts_total";
    /** Deliveries given up (alert.delivery-failed), by channel. */
    public static final String DELIVERY_FAILURES = "centinela_alerts_delivery_failures_total";
    /** Notifications handed to a team's next channel (channel fallback), by channel from and to. */
    public static final String FALLBACKS = "centinela_alerts_fallbacks_total";
    /** Time from an attempt's start to its outcome, by channel. */
    public static final String DELIVERY_SECONDS = "centinela_alerts_delivery_seconds";

    private Metrics() {
    }
}
