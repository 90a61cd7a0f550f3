package org.centinela.reporting.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/** The live consumer's meters; the names (Prometheus form in the comments) are shared with the tests. */
// A singleton, not a client proxy: the consumer reads the meters as fields.
@Singleton
public class ConsumerMetrics {

    /** centinela_reporting_events_consumed_total: records read and applied (or found already applied). */
    public static final String CONSUMED = "centinela.reporting.events.consumed";
    /** centinela_reporting_events_dead_lettered_total: unreadable records sent to a DLQ. */
    public static final String DEAD_LETTERED = "centinela.reporting.events.dead.lettered";
    /** centinela_reporting_batch_apply_seconds: one poll's transaction on the aggregates. */
    public static final String BATCH_APPLY = "centinela.reporting.batch.apply";

    final Counter consumed;
    final Counter deadLettered;
    final Timer batchApply;

    public ConsumerMetrics(MeterRegistry registry) {
        this.consumed = Counter.builder(CONSUMED).description("Events read from the incidents and alerts topics")
                .register(registry);
        this.deadLettered = Counter.builder(DEAD_LETTERED).description("Unreadable records sent to a DLQ")
                .register(registry);
        this.batchApply = Timer.builder(BATCH_APPLY).description("Time to apply one batch to the aggregates")
                .register(registry);
    }
}
