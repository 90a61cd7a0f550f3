package org.centinela.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.centinela.platform.metrics.MetricNames;

/**
 * The meters of every consumer loop of a service, labelled {@code consumer=<loop>}: records processed, retries,
 * records dead-lettered, lag per partition and seconds since the last progress.
 */
final class ConsumerMeters {

    static final String PROCESSED = "consumer_processed_records_total";
    static final String RETRIES = "consumer_retries_total";
    static final String DEAD_LETTERED = "consumer_dead_lettered_records_total";
    static final String LAG = "consumer_lag_records";
    static final String SINCE_PROGRESS = "consumer_since_progress_seconds";
    private static final Duration LAG_REFRESH = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final MetricNames names;
    private final Map<String, Meters> loops = new ConcurrentHashMap<>();

    ConsumerMeters(MeterRegistry registry, MetricNames names) {
        this.registry = registry;
        this.names = names;
    }

    void bind(ConsumerLoop<?> loop) {
        Tags tags = Tags.of("consumer", loop.name());
        Gauge.builder(names.of(SINCE_PROGRESS), loop, value -> value.sinceProgress().toMillis() / 1000.0)
                .tags(tags).description("Seconds since the loop last applied records or found none waiting")
                .register(registry);
        loops.put(loop.name(), new Meters(
                Counter.builder(names.of(PROCESSED)).tags(tags).description("Records read and applied").register(registry),
                Counter.builder(names.of(RETRIES)).tags(tags).description("Batches offered again after a failure").register(registry),
                Counter.builder(names.of(DEAD_LETTERED)).tags(tags).description("Unreadable records sent to a DLQ").register(registry),
                MultiGauge.builder(names.of(LAG)).tags(tags).description("Records waiting per partition").register(registry)));
    }

    void processed(ConsumerLoop<?> loop, int records) {
        loops.get(loop.name()).processed.increment(records);
    }

    void retried(ConsumerLoop<?> loop) {
        loops.get(loop.name()).retries.increment();
    }

    /** After each poll: the partitions whose lag is shown follow the assignment (at most once a second). */
    void lagMeasured(ConsumerLoop<?> loop) {
        loops.get(loop.name()).refreshLag(loop.lag());
    }

    void deadLettered(ConsumerLoop<?> loop, int records) {
        if (records > 0) {
            loops.get(loop.name()).deadLettered.increment(records);
        }
    }

    private static final class Meters {

        final Counter processed;
        final Counter retries;
        final Counter deadLettered;
        final MultiGauge lag;
        private volatile Instant refreshed = Instant.EPOCH;

        Meters(Counter processed, Counter retries, Counter deadLettered, MultiGauge lag) {
            this.processed = processed;
            this.retries = retries;
            this.deadLettered = deadLettered;
            this.lag = lag;
        }

        void refreshLag(Map<TopicPartition, Long> current) {
            Instant now = Instant.now();
            if (Duration.between(refreshed, now).compareTo(LAG_REFRESH) < 0) {
                return;
            }
            refreshed = now;
            lag.register(current.keySet().stream()
                    .map(partition -> MultiGauge.Row.of(Tags.of("topic", partition.topic(), "partition",
                            Integer.toString(partition.partition())), current, map -> map.getOrDefault(partition, 0L)))
                    .toList(), true);
        }
    }
}
