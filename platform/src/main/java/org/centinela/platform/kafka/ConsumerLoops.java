package org.centinela.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.centinela.platform.metrics.MetricNames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes the service's consumer loops, all alike (same client settings, dead-letter writer, meters and backoff), and
 * keeps the long-running ones for readiness ({@link ConsumerReadiness}) and shutdown.
 */
@ApplicationScoped
public class ConsumerLoops {

    private final String bootstrapServers;
    private final String clientPrefix;
    private final DeadLetterWriter deadLetters;
    private final ConsumerMeters meters;
    private final Duration maxBackoff;
    private final List<ConsumerLoop<?>> running = new CopyOnWriteArrayList<>();

    @Inject
    public ConsumerLoops(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ConsumerLoopConfig config,
                         DeadLetterWriter deadLetters, MeterRegistry registry, MetricNames names) {
        this(bootstrapServers, config.maxBackoff(), deadLetters, registry, names);
    }

    ConsumerLoops(String bootstrapServers, Duration maxBackoff, DeadLetterWriter deadLetters, MeterRegistry registry,
                  MetricNames names) {
        this.bootstrapServers = bootstrapServers;
        this.clientPrefix = names.service();
        this.deadLetters = deadLetters;
        this.meters = new ConsumerMeters(registry, names);
        this.maxBackoff = maxBackoff;
    }

    /** Starts a loop that runs as long as the service does; readiness watches it. */
    public <T> ConsumerLoop<T> start(ConsumerSettings settings, EventHandler<T> handler) {
        ConsumerLoop<T> loop = create(settings, handler);
        running.add(loop);
        return loop.start();
    }

    /** A loop for the caller to {@link ConsumerLoop#run()} on its own thread (a replay); not watched by readiness. */
    public <T> ConsumerLoop<T> create(ConsumerSettings settings, EventHandler<T> handler) {
        return new ConsumerLoop<>(settings, handler, bootstrapServers, clientPrefix, deadLetters, meters, maxBackoff);
    }

    List<ConsumerLoop<?>> running() {
        return running;
    }

    void stop(@Observes ShutdownEvent event) {
        running.forEach(ConsumerLoop::stop);
    }
}
