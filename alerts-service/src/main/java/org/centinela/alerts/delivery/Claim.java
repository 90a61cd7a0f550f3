package org.centinela.alerts.delivery;

import java.time.Instant;
import java.util.UUID;
import org.centinela.alerts.team.ChannelType;

/**
 * A delivery claimed for one attempt (its attempt row already written, {@code claimedAt}): everything needed to send
 * it. The claim holds until its lease lapses; then the retry poller may claim the delivery again.
 */
public record Claim(UUID deliveryId, long attemptId, UUID alertId, String event, ChannelType channel, String target,
                    String secret, String previousSecret, String subject, String body, Instant claimedAt) {

    public static Claim of(Delivery delivery, DeliveryAttempt attempt) {
        return new Claim(delivery.id, attempt.id, delivery.alertId, delivery.event, delivery.channel, delivery.target,
                delivery.secret, delivery.previousSecret, delivery.subject, delivery.body, attempt.at);
    }
}
