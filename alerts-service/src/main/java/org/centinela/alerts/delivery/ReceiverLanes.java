package org.centinela.alerts.delivery;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * A bulkhead per receiver: at most {@code inFlight} sends to one receiver (a webhook URL, an e-mail address) run at
 * once; the rest wait in that receiver's own queue, holding no thread. A receiver that hangs or trickles then holds
 * at most {@code inFlight} threads of the pool, and every other receiver's deliveries go on.
 */
final class ReceiverLanes {

    private final int inFlight;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    ReceiverLanes(int inFlight) {
        this.inFlight = inFlight;
    }

    void submit(String receiver, Executor pool, Runnable send) {
        Lane lane = lanes.computeIfAbsent(receiver, key -> new Lane());
        synchronized (lane) {
            lane.waiting.add(send);
        }
        drain(lane, pool);
    }

    private void drain(Lane lane, Executor pool) {
        synchronized (lane) {
            while (lane.running < inFlight && !lane.waiting.isEmpty()) {
                Runnable next = lane.waiting.poll();
                lane.running++;
                try {
                    pool.execute(() -> {
                        try {
                            next.run();
                        } finally {
                            synchronized (lane) {
                                lane.running--;
                            }
                            drain(lane, pool);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // Shutting down: the claim lapses and an instance sends it later.
                    lane.running--;
                    lane.waiting.clear();
                    return;
                }
            }
        }
    }

    private static final class Lane {
        final Queue<Runnable> waiting = new ArrayDeque<>();
        int running;
    }
}
