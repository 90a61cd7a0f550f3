package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.ResolutionOutcome;

/**
 * Data of {@code alert.resolved} (v1): the fields of {@link AlertEventData} that apply ({@code at} = when it was
 * resolved), so a consumer reading every alert event as {@link AlertEventData} reads this one too, plus the
 * {@code outcome} code. The resolution's free-text note stays in alerts-service: it may name people.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertResolvedData(
        UUID alertId,
        UUID incidentId,
        String reference,
        UUID teamId,
        Priority priority,
        String region,
        Instant raisedAt,
        Instant at,
        UUID escalatedToTeamId,
        ResolutionOutcome outcome) {
}
