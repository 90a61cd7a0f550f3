package org.centinela.alerts.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Delivery;
import org.centinela.alerts.delivery.DeliveryOutcomes;
import org.centinela.alerts.team.ChannelType;
import org.centinela.contract.EventTypes;
import org.centinela.platform.outbox.OutboxWriter;

/** A delivery's end as alert events: {@code alert.delivered}, or {@code alert.delivery-failed} and escalation. */
@ApplicationScoped
class AlertDeliveryOutcomes implements DeliveryOutcomes {

    private final OutboxWriter outbox;
    private final Escalator escalator;

    AlertDeliveryOutcomes(OutboxWriter outbox, Escalator escalator) {
        this.outbox = outbox;
        this.escalator = escalator;
    }

    @Override
    public void delivered(UUID alertId, UUID deliveryId, ChannelType channel, Instant now) {
        Alert alert = Alert.findById(alertId);
        outbox.append(alert.incidentId, EventTypes.ALERT_DELIVERED, alert.event(now, channel.name(), deliveryId), now);
    }

    @Override
    public List<Claim> gaveUp(Delivery delivery, Instant now) {
        Alert alert = Alert.findById(delivery.alertId);
        outbox.append(alert.incidentId, EventTypes.ALERT_DELIVERY_FAILED, alert.event(now, delivery.channel.name(), delivery.id), now);
        return escalator.escalate(alert.id, now);
    }
}
