package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;

/**
 * Data of the {@code alert.*} events (v1). {@code at} is when the event's fact happened (raised, delivered,
 * acknowledged, escalated, given up); {@code channel} and {@code deliveryId} are set for delivery events,
 * {@code escalatedToTeamId} for {@code alert.escalated} (null when escalated to the coordinators' channel).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEventData(
        UUID alertId,
        UUID incidentId,
        String reference,
        UUID teamId,
        Priority priority,
        String region,
        Instant raisedAt,
        Instant at,
        String channel,
        UUID deliveryId,
        UUID escalatedToTeamId) {
}
