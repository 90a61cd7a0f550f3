package org.centinela.alerts.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Sending and retrying notifications (SPEC §9: first retry within 5 s, doubling, capped at 1 h, for 24 h). */
@ConfigMapping(prefix = "centinela.delivery")
public interface DeliveryConfig {

    /** Delay before the first retry; each later retry waits twice as long as the one before. */
    @WithDefault("PT5S")
    Duration retryBase();

    @WithDefault("PT1H")
    Duration retryCap();

    /** How long after the notification was created the service keeps trying; then alert.delivery-failed. */
    @WithDefault("PT24H")
    Duration giveUpAfter();

    /** How long an attempt in flight keeps its claim; past it, another instance may try again (a crash). */
    @WithDefault("PT2M")
    Duration claimLease();

    /**
     * The whole of one webhook call — connect, headers and body — after which the attempt has failed, however the
     * receiver is still answering.
     */
    @WithDefault("PT10S")
    Duration timeout();

    /** The most bytes of a webhook's answer read (and dropped); past them the answer counts as complete. */
    @WithDefault("65536")
    int maxResponseBytes();

    /** How long one e-mail may take to hand over to the SMTP server. */
    @WithDefault("PT30S")
    Duration mailTimeout();

    /** Threads sending webhooks, apart from the threads that consume incidents and those that send e-mail. */
    @WithDefault("16")
    int webhookThreads();

    /** Threads handing e-mails to the SMTP server; a slow server then holds up e-mail only. */
    @WithDefault("4")
    int mailThreads();

    /** Most sends to one receiver (a webhook URL, an e-mail address) at once; the rest wait, holding no thread. */
    @WithDefault("2")
    int perReceiver();

    /** How often due retries are looked for (a Quarkus scheduler interval). */
    @WithDefault("1s")
    String pollInterval();
}
