package org.centinela.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The transactional outbox of a service that publishes events (intake → incidents, alerts → alerts). */
@ConfigMapping(prefix = "centinela.outbox")
public interface OutboxConfig {

    /** The contract topic this service's outbox publishes to (before the prefix); absent: the service has no outbox. */
    Optional<String> topic();

    /**
     * Whether this instance runs a relay. Off for an instance that should only accept work (another instance
     * publishes its rows); nothing is lost while no relay runs, the rows wait in the outbox.
     */
    @WithDefault("true")
    boolean relayEnabled();

    /** Fallback poll when no commit signal arrives (rows written by another instance whose NOTIFY was missed). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most rows claimed and published in one relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * Send NOTIFY on commit so that the relays of other instances wake, when this instance runs no relay of its own
     * (with one running here, its wake-up after commit is enough, and a NOTIFY would make commits wait in line).
     */
    @WithDefault("true")
    boolean notifyOnCommit();

    /** Longest wait for the broker's acknowledgement of a batch before the relay retries it. */
    @WithDefault("30s")
    Duration deliveryTimeout();

    /** Longest pause between attempts while the broker is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long sent rows are kept (for inspection and replay by hand) before they are deleted. */
    @WithDefault("7d")
    Duration retention();

    /** How often sent rows past their retention are deleted. */
    @WithDefault("1h")
    Duration pruneEvery();
}
