package org.centinela.intake.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.centinela.platform.json.FreeText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the victims are and how to reach them: stored encrypted, shown only to those allowed, every read audited. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfidentialPart(
        @Schema(example = "[\"María Quispe\"]") List<String> victimNames,
        @Schema(example = "+51 999 999 999") String contact,
        @Schema(example = "Prefers contact through the parish.") @FreeText String notes) {
}
