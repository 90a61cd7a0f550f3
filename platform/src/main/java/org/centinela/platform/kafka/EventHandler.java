package org.centinela.platform.kafka;

import java.util.List;

/**
 * What a {@link ConsumerLoop} does with the records it reads: each is read into an event (or found unreadable, and
 * dead-lettered), then a poll's events are applied together.
 */
public interface EventHandler<T> {

    /** Reads one record; throws {@link UnreadableEventException} for a record that can never be applied. */
    T read(CloudEventRecord record) throws UnreadableEventException;

    /**
     * Applies events in their topic order. Must be idempotent (a redelivered event changes nothing): any exception is
     * taken as transient — the database or broker away, a pool timeout, a serialization conflict — and the same
     * events are offered again, never skipped.
     */
    void apply(List<T> events) throws Exception;
}
