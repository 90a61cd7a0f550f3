package org.centinela.demo.seed;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code [#####.....] 1234/2000 incidents 410/s} on stderr: redrawn in place on a terminal, a line every tenth
 * otherwise (a log file would fill with carriage returns).
 */
public final class ProgressBar implements AutoCloseable {

    static final int WIDTH = 30;

    private final int total;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();
    private final long startedAt = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int lastTenth = -1;

    public ProgressBar(int total, String unit, PrintStream out, boolean terminal) {
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::draw, 0, 200, TimeUnit.MILLISECONDS);
    }

    public void advance() {
        done.incrementAndGet();
    }

    static String render(int done, int total, String unit, double perSecond) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total + " " + unit + " "
                + Math.round(perSecond) + "/s";
    }

    private synchronized void draw() {
        int now = done.get();
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        String line = render(now, total, unit, now / seconds);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else {
            int tenth = total == 0 ? 10 : (int) ((long) now * 10 / total);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        draw();
        if (terminal) {
            out.println();
        }
    }
}
