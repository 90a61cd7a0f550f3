package org.centinela.alerts.acknowledgement;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The one-click acknowledge link of a notification: no bearer token; the signed link is the credential. */
@Path("/ack/{alertId}/{token}")
@Tag(name = "Acknowledge links", description = "One-click acknowledgement from an e-mail or webhook")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AcknowledgeLinkResource {

    private final AcknowledgeLinkService service;

    public AcknowledgeLinkResource(AcknowledgeLinkService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Show the confirmation page of an acknowledge link", description = "Changes nothing.")
    @APIResponse(responseCode = "200", description = "The form to confirm (es/en)")
    @APIResponse(responseCode = "404", description = "A forged link, or one of another alert")
    @APIResponse(responseCode = "410", description = "An expired or used link")
    public Response look(@PathParam("alertId") UUID alertId, @PathParam("token") String token) {
        return render(service.look(alertId, token));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledge through the link, with an optional name",
            description = "Uses the link up; the alert records who (`name`) and through which channel.")
    @APIResponse(responseCode = "200", description = "Acknowledged, or already acknowledged by someone else")
    @APIResponse(responseCode = "400", description = "A name over 200 characters; nothing changed")
    @APIResponse(responseCode = "404", description = "A forged link, or one of another alert")
    @APIResponse(responseCode = "410", description = "An expired or used link")
    public Response use(@PathParam("alertId") UUID alertId, @PathParam("token") String token,
                        @FormParam("name") String name) {
        return render(service.use(alertId, token, name));
    }

    private static Response render(AcknowledgePage page) {
        return Response.status(page.state().status).entity(AcknowledgePages.page(page).render())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }
}
