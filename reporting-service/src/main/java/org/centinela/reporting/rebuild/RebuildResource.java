package org.centinela.reporting.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maintenance: rebuild every aggregate from the topics while the current figures keep being served. */
@Path("/api/v1/admin/rebuild")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance")
public class RebuildResource {

    private final Rebuilder rebuilder;

    public RebuildResource(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Operation(summary = "Start a rebuild from the beginning of the incidents and alerts topics")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET")
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    public Response start() {
        if (!rebuilder.start()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "A rebuild is already running"));
        }
        return Response.accepted(rebuilder.progress()).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "running", value = """
            {"state":"RUNNING","generation":2,"eventsDone":420000,"eventsTotal":1000000,"eventsPerSecond":140000,
             "percent":42.0,"startedAt":"2026-11-29T01:00:00Z","finishedAt":null,"error":null}""")))
    public RebuildProgress progress() {
        return rebuilder.progress();
    }
}
