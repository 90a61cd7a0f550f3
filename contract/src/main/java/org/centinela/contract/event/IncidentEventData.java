package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/**
 * Data of {@code incident.reported} and {@code incident.updated} (v1): the incident's current state without
 * personal data. No names, contacts, description or notes; coordinates rounded to 0.1°. {@code revision} is 0
 * when reported and grows by one with each update, so a consumer can tell a stale event from a newer one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncidentEventData(
        UUID incidentId,
        String reference,
        UUID organisationId,
        String organisationName,
        LocalDate occurredOn,
        Instant receivedAt,
        String region,
        Double latitude,
        Double longitude,
        List<Violation> violations,
        List<Perpetrator> perpetrators,
        Defenders defenders,
        List<Context> context,
        boolean riskOngoing,
        String language,
        Verification verification,
        JusticeStatus justiceStatus,
        int revision,
        Instant updatedAt) {

    /** Rounds a coordinate to 0.1°, the precision events may carry. */
    public static Double roundCoordinate(Double degrees) {
        return degrees == null ? null : Math.round(degrees * 10.0) / 10.0;
    }
}
