package org.centinela.intake.reencryption;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.centinela.platform.crypto.Reencryption;
import org.centinela.platform.crypto.ReencryptionEndpoint;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's re-encryption endpoint, over the tables of {@link IntakeCipherTables}. */
@Path("/api/v1/admin/reencrypt")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Maintenance")
public class ReencryptionResource extends ReencryptionEndpoint {

    public ReencryptionResource(Reencryption reencryption) {
        super(reencryption);
    }
}
