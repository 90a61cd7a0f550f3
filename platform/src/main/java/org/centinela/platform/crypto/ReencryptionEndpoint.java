package org.centinela.platform.crypto;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Maintenance after a key rotation: rewrite every stored ciphertext under the current key (bin/centinela reencrypt).
 * Each service that stores ciphertexts serves it as {@code /api/v1/admin/reencrypt} through a subclass that carries the
 * path; the roles sit on the methods so that they hold whatever class the endpoint is reached through.
 */
public abstract class ReencryptionEndpoint {

    private final Reencryption reencryption;

    protected ReencryptionEndpoint(Reencryption reencryption) {
        this.reencryption = reencryption;
    }

    @POST
    @RolesAllowed(Role.ADMIN)
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
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Progress of the last re-encryption")
    @APIResponse(responseCode = "200", content = @Content(examples = @ExampleObject(name = "running", value = """
            {"state":"RUNNING","keyId":"k2","table":"incident","rowsDone":4200,"rowsTotal":10000,"rewritten":4200,
             "percent":42.0,"startedAt":"2026-11-29T01:00:00Z","finishedAt":null,"error":null}""")))
    public ReencryptionProgress progress() {
        return reencryption.progress();
    }
}
