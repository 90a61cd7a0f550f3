package org.centinela.intake.incident;

import java.time.LocalDate;
import java.util.List;
import org.centinela.platform.json.FreeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/incidents} as parsed by strict JSON. Codes are kept as strings here so that
 * {@link IncidentRules} can name every unknown code at once instead of stopping at the first.
 */
@Schema(name = "IncidentInput")
public record IncidentRequest(
        @Schema(example = "2017-08-21", required = true) LocalDate occurredOn,
        @Schema(example = "PE-CAJ", required = true) String region,
        @Schema(example = "Celendín") String locality,
        @Schema(example = "-6.87") Double latitude,
        @Schema(example = "-78.15") Double longitude,
        @Schema(example = "[\"PHYSICAL_ATTACK\",\"DEATH_THREAT\"]", required = true) List<String> violations,
        @Schema(example = "[\"POLICE\",\"PRIVATE_SECURITY\"]", required = true) List<String> perpetrators,
        @Schema(required = true) DefendersInput defenders,
        @Schema(example = "[\"PROTEST\",\"EXTRACTIVE_PROJECT\"]") List<String> context,
        @Schema(example = "true", defaultValue = "false") Boolean riskOngoing,
        @Schema(example = "es", defaultValue = "es", enumeration = {"es", "en"}) String language,
        @Schema(example = "Free text, 1..20000 characters.", required = true) @FreeText String description,
        ConfidentialPart confidential) {

    public record DefendersInput(
            @Schema(example = "3", required = true) Integer count,
            @Schema(example = "1", defaultValue = "0") Integer women,
            @Schema(example = "[\"ENVIRONMENTAL\",\"INDIGENOUS_PEOPLES\"]", required = true) List<String> sectors) {
    }
}
