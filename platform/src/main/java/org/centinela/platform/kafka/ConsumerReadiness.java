package org.centinela.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while any consumer loop has stopped, or has made no progress for {@code centinela.consumer.stall-after}
 * while records wait: its figures, alerts or grants would silently stop changing. Says which loop and why.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    private final ConsumerLoops loops;
    private final Duration stallAfter;

    @Inject
    public ConsumerReadiness(ConsumerLoops loops, ConsumerLoopConfig config) {
        this(loops, config.stallAfter());
    }

    ConsumerReadiness(ConsumerLoops loops, Duration stallAfter) {
        this.loops = loops;
        this.stallAfter = stallAfter;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Kafka consumers").up();
        for (ConsumerLoop<?> loop : loops.running()) {
            ConsumerLoop.Status status = loop.status();
            boolean stopped = status.state() == ConsumerLoop.State.STOPPED || status.state() == ConsumerLoop.State.FAILED;
            boolean stalled = status.sinceProgress().compareTo(stallAfter) > 0;
            String summary = status.state() + ", lag " + status.lag() + ", " + status.sinceProgress().toSeconds()
                    + " s since progress" + (status.lastError() == null ? "" : ", last error: " + status.lastError());
            response.withData(status.name(), summary);
            if (stopped || stalled) {
                response.down();
            }
        }
        return response.build();
    }
}
