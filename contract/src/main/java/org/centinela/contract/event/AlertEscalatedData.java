package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;

/**
 * Data of {@code alert.escalated} (v1): the fields of {@link AlertEventData} that apply ({@code at} = when this
 * step was taken; {@code escalatedToTeamId} = the step's team, null for the coordinators' channel), so a consumer
 * reading every alert event as {@link AlertEventData} reads this one too, plus the {@code step} of the team's
 * escalation chain (1 = the first).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEscalatedData(
        UUID alertId,
        UUID incidentId,
        String reference,
        UUID teamId,
        Priority priority,
        String region,
        Instant raisedAt,
        Instant at,
        UUID escalatedToTeamId,
        int step) {
}
