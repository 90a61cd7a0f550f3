package org.centinela.intake;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.centinela.platform.security.Role;

/** Test-only endpoint standing for any bug: it fails with internals in its message. */
@Path(FailingResource.PATH)
public class FailingResource {

    static final String PATH = "/test-only/failure";
    static final String SECRET = "jdbc:postgresql://internal-host/secret-table";

    @GET
    @RolesAllowed(Role.ADMIN)
    public String fail() {
        throw new IllegalStateException("cannot reach " + SECRET);
    }
}
