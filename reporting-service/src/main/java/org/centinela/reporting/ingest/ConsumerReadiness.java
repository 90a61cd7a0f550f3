package org.centinela.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once the consumer thread has stopped: the figures would silently stop changing. */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final LiveConsumer consumer;

    public ConsumerReadiness(LiveConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Reporting consumer").status(consumer.isAlive())
                .withData("partitionsAssigned", consumer.isAssigned()).build();
    }
}
