package org.centinela.intake.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/organisations}. */
public record OrganisationRequest(
        @Schema(example = "Coordinadora Nacional de Derechos Humanos") @NotBlank @Size(max = 200) String name,
        @Schema(example = "CNDDHH") @NotBlank @Size(max = 30) String acronym) {
}
