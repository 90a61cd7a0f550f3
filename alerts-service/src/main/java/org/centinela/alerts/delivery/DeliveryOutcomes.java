package org.centinela.alerts.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.team.ChannelType;

/**
 * What a delivery's end means for its alert, decided above this package (the alert's events, escalation), so that
 * sending knows nothing of alerts. Both run in the transaction that records the outcome, the delivery row locked.
 */
public interface DeliveryOutcomes {

    void delivered(UUID alertId, UUID deliveryId, ChannelType channel, Instant now);

    /** Returns the claimed deliveries that follow (an escalation notice), to send once the transaction commits. */
    List<Claim> gaveUp(Delivery delivery, Instant now);
}
