package org.centinela.reporting.viewer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Instant;
import java.util.UUID;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.RevocationPublisher;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Coordinators register dashboards and analysts (viewers) and revoke them (SPEC §3). */
@Path("/api/v1/viewers")
@RolesAllowed(Role.ADMIN)
@Tag(name = "Viewers")
public class ViewerResource {

    private static final Logger LOG = Logger.getLogger(ViewerResource.class);

    public record NewViewer(@NotNull @NotBlank @Size(max = 200) String name) {
    }

    public record CreatedViewer(UUID id, String name, String token) {
    }

    private final TokenService tokens;
    private final RevocationPublisher revocations;

    public ViewerResource(TokenService tokens, RevocationPublisher revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register a viewer; its token is in this response only")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "viewer", value = "{\"name\":\"Dashboard CNDDHH\"}")))
    @APIResponse(responseCode = "201", content = @Content(examples = @ExampleObject(name = "created",
            value = "{\"id\":\"6f1c…\",\"name\":\"Dashboard CNDDHH\",\"token\":\"eyJ…\"}")))
    public Response create(@Valid @NotNull NewViewer request) {
        Viewer viewer = new Viewer();
        viewer.id = UUID.randomUUID();
        viewer.name = request.name().strip();
        viewer.createdAt = Instant.now();
        viewer.persist();
        LOG.infof("[viewerId=%s] Viewer registered", viewer.id);
        return Response.created(UriBuilder.fromResource(ViewerResource.class).path(viewer.id.toString()).build())
                .entity(new CreatedViewer(viewer.id, viewer.name, tokens.issue(viewer.id, Role.VIEWER)))
                .build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a viewer's tokens on every service, then forget it")
    @APIResponse(responseCode = "204", description = "Revoked and deleted")
    @APIResponse(responseCode = "404", description = "No such viewer")
    public Response delete(@PathParam("id") UUID id) {
        if (Viewer.findById(id) == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND, "No viewer " + id));
        }
        // Revoke first: a viewer deleted but not revoked would keep reading statistics.
        revocations.revoke(id, Role.VIEWER);
        QuarkusTransaction.requiringNew().run(() -> Viewer.deleteById(id));
        LOG.infof("[viewerId=%s] Viewer revoked and deleted", id);
        return Response.noContent().build();
    }
}
