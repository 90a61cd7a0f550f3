package org.centinela.intake.vocabulary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies", description = "Codes with Spanish and English labels")
@SecurityRequirement(name = "SecurityScheme")
public class VocabularyResource {

    private final Vocabularies vocabularies;

    public VocabularyResource(Regions regions) {
        this.vocabularies = Vocabularies.of(regions);
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.REPORTER, Role.RESPONDER, Role.VIEWER})
    @Operation(summary = "Every code an incident may carry, with its labels")
    @APIResponse(responseCode = "200", description = "The vocabularies", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "vocabularies", value = "{\"regions\":[{\"code\":\"PE-CAJ\",\"name\":\"Cajamarca\"}],"
                    + "\"violations\":[{\"code\":\"PHYSICAL_ATTACK\",\"es\":\"Agresión física\",\"en\":\"Physical attack\"}],"
                    + "\"perpetrators\":[{\"code\":\"POLICE\",\"kind\":\"STATE\",\"es\":\"Policía\",\"en\":\"Police\"}],"
                    + "\"sectors\":[{\"code\":\"ENVIRONMENTAL\",\"es\":\"Ambiental\",\"en\":\"Environmental\"}],"
                    + "\"context\":[{\"code\":\"PROTEST\",\"es\":\"Protesta\",\"en\":\"Protest\"}],"
                    + "\"verification\":[{\"code\":\"UNVERIFIED\",\"es\":\"No verificado\",\"en\":\"Unverified\"}],"
                    + "\"justiceStatus\":[{\"code\":\"NOT_REPORTED\",\"es\":\"No denunciado\",\"en\":\"Not reported\"}]}")))
    public Vocabularies vocabularies() {
        return vocabularies;
    }
}
