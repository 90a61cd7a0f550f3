package org.centinela.reporting.aggregate;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.centinela.reporting.ReportingConfig;
import org.jboss.logging.Logger;

/**
 * The version of the served figures, kept in memory so that a conditional GET answers 304 without touching the
 * database. This instance's consumer advances it right after each commit; a short periodic re-read picks up
 * changes committed elsewhere (another instance, a rebuild's switch).
 */
@ApplicationScoped
public class ServedVersion {

    private static final Logger LOG = Logger.getLogger(ServedVersion.class);

    private final AggregateStore store;
    private final ReportingConfig config;
    private final AtomicLong version = new AtomicLong(-1);
    private ScheduledExecutorService refresher;

    public ServedVersion(AggregateStore store, ReportingConfig config) {
        this.store = store;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        advance(store.state().version());
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "centinela-served-version");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.versionRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    public long current() {
        long current = version.get();
        return current >= 0 ? current : advance(store.state().version());
    }

    /** Takes {@code newer} if it is newer than the version held; returns the version held afterwards. */
    public long advance(long newer) {
        return version.accumulateAndGet(newer, Math::max);
    }

    private void refresh() {
        try {
            advance(store.state().version());
        } catch (Throwable e) {
            // Caught whatever it is: an exception escaping a scheduled task would end the re-reads for good.
            LOG.warnf("Could not re-read the aggregate version: %s", e);
        }
    }
}
