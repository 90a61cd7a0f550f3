package org.centinela.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * How a {@link ConsumerLoop} reads: in a consumer group (each partition to one instance, offsets committed after
 * each applied batch), or every partition from the beginning without a group (what every instance needs whole, such
 * as revocations), or a replay up to the end offsets found when it starts (a rebuild).
 *
 * @param name          the loop's name in logs, metrics ({@code consumer} label) and readiness
 * @param giveUpAfter   only for a replay: how long one batch may keep failing before the replay ends failed
 * @param startOffsets  without a group: where to start on these partitions (the others start at the beginning)
 */
public record ConsumerSettings(String name, List<String> topics, Optional<String> groupId, String autoOffsetReset,
                               int maxPollRecords, Duration fetchMaxWait, boolean replay,
                               Optional<Duration> giveUpAfter, Map<TopicPartition, Long> startOffsets) {

    private static final int MAX_POLL_RECORDS = 500;
    /** A fetch returns as soon as one record is there after this long at most: freshness over batching. */
    private static final Duration FETCH_MAX_WAIT = Duration.ofMillis(100);

    /** A consumer group reading {@code topics}, from the earliest offset when the group has none. */
    public static ConsumerSettings group(String name, String groupId, List<String> topics) {
        return new ConsumerSettings(name, List.copyOf(topics), Optional.of(groupId), "earliest", MAX_POLL_RECORDS,
                FETCH_MAX_WAIT, false, Optional.empty(), Map.of());
    }

    /** Every partition of {@code topics} from the beginning, then whatever comes, in every instance. */
    public static ConsumerSettings everything(String name, List<String> topics) {
        return new ConsumerSettings(name, List.copyOf(topics), Optional.empty(), "earliest", MAX_POLL_RECORDS,
                FETCH_MAX_WAIT, false, Optional.empty(), Map.of());
    }

    /** Every partition of {@code topics} from the beginning up to the end offsets at the start, then done. */
    public static ConsumerSettings replay(String name, List<String> topics, Duration giveUpAfter) {
        return new ConsumerSettings(name, List.copyOf(topics), Optional.empty(), "earliest", MAX_POLL_RECORDS,
                FETCH_MAX_WAIT, true, Optional.of(giveUpAfter), Map.of());
    }

    public ConsumerSettings withMaxPollRecords(int records) {
        return new ConsumerSettings(name, topics, groupId, autoOffsetReset, records, fetchMaxWait, replay, giveUpAfter,
                startOffsets);
    }

    public ConsumerSettings withAutoOffsetReset(String reset) {
        return new ConsumerSettings(name, topics, groupId, reset, maxPollRecords, fetchMaxWait, replay, giveUpAfter,
                startOffsets);
    }

    public ConsumerSettings withFetchMaxWait(Duration wait) {
        return new ConsumerSettings(name, topics, groupId, autoOffsetReset, maxPollRecords, wait, replay, giveUpAfter,
                startOffsets);
    }

    /** Starts these partitions at the given offsets instead of their beginning (a replay that goes on from another). */
    public ConsumerSettings startingAt(Map<TopicPartition, Long> offsets) {
        return new ConsumerSettings(name, topics, groupId, autoOffsetReset, maxPollRecords, fetchMaxWait, replay,
                giveUpAfter, Map.copyOf(offsets));
    }
}
