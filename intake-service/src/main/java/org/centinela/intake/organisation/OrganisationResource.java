package org.centinela.intake.organisation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Member organisations that report incidents (admin only)")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Role.ADMIN)
public class OrganisationResource {

    private final Organisations organisations;

    public OrganisationResource(Organisations organisations) {
        this.organisations = organisations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organisation", description = "The reporter token is shown in this answer only; it is never stored.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "organisation", value = "{\"name\":\"Coordinadora Nacional de Derechos Humanos\",\"acronym\":\"CNDDHH\"}")))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "created", value = "{\"id\":\"3f0c2a4e-8d1b-4c55-9a61-0c4f7d2b9e10\",\"name\":"
                    + "\"Coordinadora Nacional de Derechos Humanos\",\"acronym\":\"CNDDHH\",\"createdAt\":\"2026-11-29T00:50:00Z\","
                    + "\"token\":\"eyJhbGciOiJIUzI1NiJ9…\"}")))
    @APIResponse(responseCode = "400", description = "Missing or too long name or acronym")
    public Response create(@NotNull @Valid OrganisationRequest request) {
        OrganisationView created = organisations.create(request);
        return Response.created(URI.create("/api/v1/organisations/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List the active organisations")
    @APIResponse(responseCode = "200", description = "The organisations, oldest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "list", value = "[{\"id\":"
                    + "\"3f0c2a4e-8d1b-4c55-9a61-0c4f7d2b9e10\",\"name\":\"Coordinadora Nacional de Derechos Humanos\","
                    + "\"acronym\":\"CNDDHH\",\"createdAt\":\"2026-11-29T00:50:00Z\"}]")))
    public List<OrganisationView> list() {
        return organisations.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an organisation", description = "Revokes its token on every service, then marks it "
            + "deleted; its incidents are kept as evidence.")
    @APIResponse(responseCode = "204", description = "Deleted and revoked")
    @APIResponse(responseCode = "404", description = "No such organisation")
    @APIResponse(responseCode = "503", description = "The revocation could not be published; nothing changed")
    public Response delete(@PathParam("id") UUID id) {
        if (!organisations.delete(id)) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No organisation " + id));
        }
        return Response.noContent().build();
    }
}
