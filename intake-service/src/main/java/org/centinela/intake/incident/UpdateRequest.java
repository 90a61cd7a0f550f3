package org.centinela.intake.incident;

import org.centinela.platform.json.FreeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/incidents/{id}/updates}: any non-empty subset of the four fields. */
@Schema(name = "IncidentUpdate")
public record UpdateRequest(
        @Schema(example = "CONFIRMED") String verification,
        @Schema(example = "COMPLAINT_FILED") String justiceStatus,
        @Schema(example = "false") Boolean riskOngoing,
        @Schema(example = "Complaint filed with the provincial prosecutor.") @FreeText String note) {

    public static final int MAX_NOTE = 20_000;
}
