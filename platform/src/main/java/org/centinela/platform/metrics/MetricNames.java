package org.centinela.platform.metrics;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Metric names of one service, all {@code centinela_<service>_<thing>_<unit>} (Prometheus form at /q/metrics), so
 * that dashboards and alerting rules read every service the same way. The service is the application name without
 * {@code -service}: {@code intake}, {@code alerts}, {@code reporting}.
 */
@Singleton
public class MetricNames {

    private final String service;

    public MetricNames(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.service = applicationName.replaceFirst("-service$", "");
    }

    public String service() {
        return service;
    }

    /** {@code centinela_<service>_<thingAndUnit>}, e.g. {@code of("outbox_backlog_events")}. */
    public String of(String thingAndUnit) {
        return "centinela_" + service + "_" + thingAndUnit;
    }
}
