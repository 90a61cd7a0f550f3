package org.centinela.reporting.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoop;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.UnreadableEventException;
import org.centinela.platform.metrics.MetricNames;
import org.centinela.reporting.ReportingConfig;
import org.centinela.reporting.aggregate.AggregateStore;
import org.centinela.reporting.aggregate.ReportingEvent;
import org.centinela.reporting.aggregate.ServedVersion;

/**
 * Applies the incidents and alerts topics to the aggregates (consumer group {@code reporting}) with the platform's
 * supervised loop. Each poll's events are applied in one transaction; offsets are committed only after it commits,
 * so a crash or rebalance redelivers, and processed_event makes the redelivery count nothing. Unreadable records go
 * to the topic's DLQ; a failing batch (the database away) is offered again until it applies.
 */
@ApplicationScoped
public class LiveConsumer implements EventHandler<ReportingEvent> {

    private final ConsumerLoops loops;
    private final ReportingConfig config;
    private final ReportingTopics topics;
    private final EventReader reader;
    private final AggregateStore store;
    private final ServedVersion servedVersion;
    private final Timer batchApply;
    private volatile ConsumerLoop<ReportingEvent> loop;

    public LiveConsumer(ConsumerLoops loops, ReportingConfig config, ReportingTopics topics, EventReader reader,
                        AggregateStore store, ServedVersion servedVersion, MeterRegistry registry, MetricNames names) {
        this.loops = loops;
        this.config = config;
        this.topics = topics;
        this.reader = reader;
        this.store = store;
        this.servedVersion = servedVersion;
        this.batchApply = Timer.builder(names.of("batch_apply")).description("One poll's transaction on the aggregates")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        loop = loops.start(ConsumerSettings.group("aggregates", config.consumerGroup(), topics.all())
                .withAutoOffsetReset(config.autoOffsetReset())
                .withMaxPollRecords(config.maxBatch()), this);
    }

    /** Whether partitions are assigned and their start positions known (tests wait for it before producing). */
    public boolean isAssigned() {
        ConsumerLoop<ReportingEvent> current = loop;
        return current != null && current.status().assigned();
    }

    @Override
    public ReportingEvent read(CloudEventRecord record) throws UnreadableEventException {
        return reader.read(record);
    }

    @Override
    public void apply(List<ReportingEvent> events) throws Exception {
        batchApply.recordCallable(() -> store.applyLive(events)).ifPresent(state -> servedVersion.advance(state.version()));
    }
}
