package org.centinela.bench;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Open-loop load: starts one request every 1/rate seconds whatever the previous ones are doing, the way
 * independent reporters arrive. {@code fire} must not block (use asynchronous sends).
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** Fires {@code fire(i)} for i = 0, 1, … at {@code rate} per second during {@code duration}; returns how many. */
    static long run(double rate, Duration duration, LongConsumer fire) throws InterruptedException {
        long max = Math.max(1, Math.round(rate * duration.toMillis() / 1000.0));
        AtomicLong fired = new AtomicLong();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
                long i = fired.get();
                if (i < max) {
                    fire.accept(i);
                    fired.incrementAndGet();
                }
            }, 0, Math.round(1e9 / rate), TimeUnit.NANOSECONDS);
            long deadline = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(5);
            while (fired.get() < max && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            task.cancel(false);
        } finally {
            scheduler.shutdownNow();
        }
        return fired.get();
    }
}
