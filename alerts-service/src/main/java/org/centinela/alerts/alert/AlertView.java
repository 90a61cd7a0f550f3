package org.centinela.alerts.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.ResolutionOutcome;

/** An alert as SPEC §9 shows it; {@code deliveries} only when one alert is read. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record AlertView(
        UUID id,
        UUID incidentId,
        String reference,
        UUID teamId,
        Priority priority,
        String region,
        AlertStatus status,
        Instant raisedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant acknowledgedAt,
        Acknowledgement acknowledgement,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant escalatedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID escalatedToTeamId,
        int repeats,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant resolvedAt,
        Resolution resolution,
        List<EscalationView> escalations,
        List<DeliveryView> deliveries) {

    /** A step of the escalation chain as taken; {@code teamId} null = the coordinators' channel. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EscalationView(int step, UUID teamId, Instant at) {
    }

    /** {@code teamId} null: an admin, or the coordinators' channel. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Acknowledgement(String by, String via, UUID teamId) {
    }

    public record Resolution(ResolutionOutcome outcome, String note) {
    }

    /** {@code fallbackFrom}: the delivery on the previous channel this one took over from (channel fallback). */
    public record DeliveryView(UUID id, String channel, String event, String status, UUID fallbackFrom,
                               List<AttemptView> attempts) {
    }

    public record AttemptView(Instant at, String outcome, Integer httpStatus) {
    }

    public static AlertView of(Alert alert, List<DeliveryView> deliveries) {
        return of(alert, null, deliveries);
    }

    public static AlertView of(Alert alert, List<EscalationView> escalations, List<DeliveryView> deliveries) {
        return new AlertView(alert.id, alert.incidentId, alert.reference, alert.teamId, alert.priority, alert.region,
                alert.status, alert.raisedAt, alert.acknowledgedAt,
                alert.acknowledgedAt == null ? null
                : new Acknowledgement(alert.acknowledgedBy, alert.acknowledgedVia, alert.acknowledgedByTeamId), alert.escalatedAt, alert.escalatedToTeamId,
                alert.repeats, alert.resolvedAt, alert.resolutionOutcome == null ? null
                : new Resolution(alert.resolutionOutcome, alert.resolutionNote), escalations, deliveries);
    }
}
