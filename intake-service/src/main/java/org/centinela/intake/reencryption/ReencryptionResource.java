package org.centinela.intake.reencryption;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.centinela.platform.crypto.Reencryption;
import org.centinela.platform.crypto.ReencryptionProgress;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Maintenance after a key rotation: rewrite every stored ciphertext under the current key (bin/centinela reencrypt). */
@Path("/api/v1/admin/reencrypt")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance")
public class ReencryptionResource {

    private final Reencryption reencryption;

    public ReencryptionResource(Reencryption reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @Operation(summary = "Start rewriting every ciphertext under the current encryption key",
            description = "Idempotent: values already under the current key are left as they are; run it again after an interruption.")
    @APIResponse(responseCode = "202", description = "Started; follow it with GET")
    @APIResponse(responseCode = "409", description = "A re-encryption is already running")
    public Response start() {
        if (!reencryption.start()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "A re-encryption is already running"));
        }
        return Response.accepted(reencryption.progress()).build();
    }

    @GET
    @Operation(summary = "Progress of the last re-encryption")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "running", value = """
            {"state":"RUNNING","keyId":"k2","table":"incident","rowsDone":4200,"rowsTotal":10000,"rewritten":4200,
             "percent":42.0,"startedAt":"2026-11-29T01:00:00Z","finishedAt":null,"error":null}""")))
    public ReencryptionProgress progress() {
        return reencryption.progress();
    }
}
