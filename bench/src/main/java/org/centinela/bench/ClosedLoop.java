package org.centinela.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: a fixed pool of N workers, each sending its next request when the previous one has answered,
 * so the concurrency is exactly N. Requests that start during the warm-up are not counted. Bounded by time and by
 * a request count.
 */
final class ClosedLoop {

    /** One request; returns null when it succeeded, else what went wrong. */
    interface Call {
        String run() throws Exception;
    }

    record Outcome(long succeeded, long failed, double seconds, Latencies latencies, String firstFailure) {

        double rate() {
            return seconds > 0 ? succeeded / seconds : 0;
        }
    }

    private ClosedLoop() {
    }

    static Outcome run(int clients, Duration warmup, Duration measure, long maxRequests, Call call)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        AtomicLong started = new AtomicLong();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong lastFinish = new AtomicLong(measureFrom);
        AtomicReference<String> firstFailure = new AtomicReference<>();
        Latencies latencies = new Latencies();
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            workers.execute(() -> {
                while (System.nanoTime() < end && started.incrementAndGet() <= maxRequests) {
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = call.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    long t1 = System.nanoTime();
                    if (t0 < measureFrom) {
                        continue;
                    }
                    lastFinish.accumulateAndGet(t1, Math::max);
                    if (failure == null) {
                        succeeded.incrementAndGet();
                        latencies.record(t1 - t0);
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, failure);
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
        // Requests started before the end are counted even when they answer after it, so the window ends with the last.
        double seconds = (lastFinish.get() - measureFrom) / 1e9;
        return new Outcome(succeeded.get(), failed.get(), seconds, latencies, firstFailure.get());
    }
}
