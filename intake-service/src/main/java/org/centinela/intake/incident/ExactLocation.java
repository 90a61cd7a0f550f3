package org.centinela.intake.incident;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an incident happened as the reporter gave it: personal (SPEC §2), so stored only encrypted
 * ({@code incident.location_enc}); the clear columns keep the coordinates rounded to 0.1°.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExactLocation(String locality, Double latitude, Double longitude) {

    /** The location of a report, or null when it gave neither a locality nor coordinates. */
    static ExactLocation of(IncidentRequest request) {
        if (request.locality() == null && request.latitude() == null && request.longitude() == null) {
            return null;
        }
        return new ExactLocation(request.locality(), request.latitude(), request.longitude());
    }
}
