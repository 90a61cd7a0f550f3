package org.centinela.intake.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An incident as the API shows it (SPEC §9 "Incident output"): the submitted fields, its identity and state, and
 * its history oldest first. The personal parts ({@code description}, {@code confidential}, and the exact location:
 * {@code locality}, {@code latitude}, {@code longitude}) appear only in an answer about one incident to a caller
 * allowed to read it, never in lists; absent optional fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IncidentView(
        UUID id,
        String reference,
        String status,
        UUID organisationId,
        Instant receivedAt,
        LocalDate occurredOn,
        String region,
        String locality,
        Double latitude,
        Double longitude,
        List<String> violations,
        List<String> perpetrators,
        Defenders defenders,
        List<String> context,
        boolean riskOngoing,
        String language,
        String verification,
        String justiceStatus,
        int revision,
        Instant updatedAt,
        List<HistoryEntry> history,
        String description,
        ConfidentialPart confidential) {

    /** Incidents have one lifecycle status; verification and justiceStatus carry their progress. */
    public static final String STATUS = "REPORTED";

    public record Defenders(int count, int women, List<String> sectors) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(int revision, Instant at, String role, UUID principalId, String verification,
                               String justiceStatus, Boolean riskOngoing, String note) {
    }

    /** A page of incidents: {@code {"items","page","size","total"}}. */
    public record Page(List<IncidentView> items, int page, int size, long total) {
    }
}
