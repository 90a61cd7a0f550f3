package org.centinela.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoop;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.UnreadableEventException;
import org.centinela.reporting.aggregate.AggregateState;
import org.centinela.reporting.aggregate.AggregateStore;
import org.centinela.reporting.aggregate.GenerationLoad;
import org.centinela.reporting.aggregate.RebuildRun;
import org.centinela.reporting.aggregate.ReportingEvent;
import org.centinela.reporting.aggregate.ServedVersion;
import org.centinela.reporting.ingest.EventReader;
import org.centinela.reporting.ingest.ReportingTopics;
import org.jboss.logging.Logger;

/**
 * Rebuilds every aggregate from the beginning of both topics into a new generation while the served one keeps
 * answering, then switches in one transaction. First a bulk load: the platform's consumer loop replays each partition
 * from its start up to the end offsets found when it began, in large batches COPYed into the new generation
 * ({@link GenerationLoad}). Then the live consumer starts writing every later batch into the new generation too, and
 * a second replay catches up from the bulk's end offsets to the end offsets found after that, so nothing is missed at
 * the switch (see {@link AggregateStore}). A batch that fails is retried in place; one that keeps failing for
 * {@link #GIVE_UP_AFTER} ends the rebuild FAILED and the old figures stay served. The rebuild is a row every instance
 * sees ({@code rebuild_run}): one runs at a time across instances, its progress is shown by any of them, and it
 * switches only while it is still the running one.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    private static final int POLL_RECORDS = 10_000;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);
    /** How often a running rebuild records its progress; a rebuild silent for {@link #STALE} is taken for dead. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final ConsumerLoops loops;
    private final ReportingTopics topics;
    private final EventReader reader;
    private final AggregateStore store;
    private final ServedVersion servedVersion;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public Rebuilder(ConsumerLoops loops, ReportingTopics topics, EventReader reader, AggregateStore store,
                     ServedVersion servedVersion) {
        this.loops = loops;
        this.topics = topics;
        this.reader = reader;
        this.store = store;
        this.servedVersion = servedVersion;
    }

    /** The newest rebuild, whichever instance runs or ran it. */
    public RebuildProgress progress() {
        return store.latestRun().map(RebuildProgress::of).orElse(RebuildProgress.idle());
    }

    /** Starts a rebuild in the background; false when one is already running here or on another instance. */
    public boolean start() {
        Optional<RebuildRun> opened = store.openGeneration(owner, STALE);
        opened.ifPresent(run -> {
            Thread thread = new Thread(() -> run(run), "centinela-rebuild");
            thread.setDaemon(true);
            thread.start();
        });
        return opened.isPresent();
    }

    private void run(RebuildRun run) {
        try {
            GenerationLoad load = store.load(run);
            Replay bulk = new Replay(run, "rebuild", events -> store.loadBatch(load, events), 0, 0);
            ConsumerLoop<ReportingEvent> loaded = bulk.replay(ConsumerSettings.replay("rebuild", topics.all(), GIVE_UP_AFTER));
            if (!finished(run, bulk)) {
                return;
            }
            if (!store.finishLoad(run, load)) {
                stop(run, "taken over");
                return;
            }
            LOG.infof("[generation=%d] Rebuild loaded %d events in %s; catching up", run.generation(), loaded.read(),
                    Duration.between(run.startedAt(), Instant.now()));
            Replay catchUp = new Replay(run, "rebuild-catch-up",
                    events -> store.applyToGeneration(run.generation(), events), loaded.read(), loaded.total());
            ConsumerLoop<ReportingEvent> caughtUp = catchUp.replay(ConsumerSettings.replay("rebuild-catch-up", topics.all(),
                    GIVE_UP_AFTER).startingAt(loaded.endOffsets()));
            if (!finished(run, catchUp)) {
                return;
            }
            long read = loaded.read() + caughtUp.read();
            Optional<AggregateState> switched = store.switchTo(run, read, loaded.total() + caughtUp.total());
            if (switched.isEmpty()) {
                LOG.warnf("[generation=%d] Rebuild finished but was no longer the running one; not switched", run.generation());
                return;
            }
            servedVersion.advance(switched.get().version());
            LOG.infof("[generation=%d] Rebuild done: %d events (%d unreadable) in %s; now served", run.generation(),
                    read, loaded.unreadable() + caughtUp.unreadable(), Duration.between(run.startedAt(), Instant.now()));
        } catch (Throwable e) {
            // An Error too: the rebuild must end FAILED, never stay RUNNING with no thread behind it.
            LOG.errorf(e, "[generation=%d] Rebuild failed; the previous figures stay served", run.generation());
            store.abandon(run, String.valueOf(e.getMessage()));
        }
    }

    /** Whether a replay reached its end offsets; when not, the rebuild is given up (or left to whoever took it over). */
    private boolean finished(RebuildRun run, Replay replay) {
        if (replay.takenOver) {
            stop(run, "taken over");
            return false;
        }
        if (replay.loop.status().state() != ConsumerLoop.State.DONE) {
            store.abandon(run, "stopped before the end (the service is shutting down)");
            return false;
        }
        return true;
    }

    /** The run is no longer ours: drop what this instance wrote into its generation, leave the run's row alone. */
    private void stop(RebuildRun run, String why) {
        LOG.warnf("[generation=%d] Rebuild no longer the running one (%s); stopped", run.generation(), why);
        store.abandon(run, why);
    }

    /** Applies each replayed batch to the generation being built, and keeps the run's heartbeat. */
    private final class Replay implements EventHandler<ReportingEvent> {

        private final RebuildRun run;
        private final String name;
        private final Consumer<List<ReportingEvent>> batches;
        /** Events read and found by the replays before this one, so that progress counts the whole rebuild. */
        private final long doneBefore;
        private final long totalBefore;
        private ConsumerLoop<ReportingEvent> loop;
        private volatile boolean takenOver;
        private Instant beat = Instant.EPOCH;
        private Instant logged = Instant.now();

        Replay(RebuildRun run, String name, Consumer<List<ReportingEvent>> batches, long doneBefore, long totalBefore) {
            this.run = run;
            this.name = name;
            this.batches = batches;
            this.doneBefore = doneBefore;
            this.totalBefore = totalBefore;
        }

        ConsumerLoop<ReportingEvent> replay(ConsumerSettings settings) {
            loop = loops.create(settings.withMaxPollRecords(POLL_RECORDS), this);
            loop.run();
            return loop;
        }

        @Override
        public ReportingEvent read(CloudEventRecord record) throws UnreadableEventException {
            return reader.read(record);
        }

        @Override
        public void apply(List<ReportingEvent> events) {
            batches.accept(events);
            Instant now = Instant.now();
            long done = doneBefore + loop.read() + events.size();
            long total = totalBefore + loop.total();
            if (Duration.between(beat, now).compareTo(HEARTBEAT) >= 0) {
                beat = now;
                if (!store.heartbeat(run.id(), done, total)) {
                    takenOver = true;
                    loop.stop();
                }
            }
            if (Duration.between(logged, now).compareTo(LOG_EVERY) >= 0) {
                logged = now;
                LOG.infof("[generation=%d] Rebuild %s %.1f%%: %d of %d events", run.generation(), name,
                        total == 0 ? 100.0 : 100.0 * done / total, done, total);
            }
        }
    }
}
