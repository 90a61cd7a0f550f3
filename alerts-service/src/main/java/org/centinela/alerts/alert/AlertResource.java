package org.centinela.alerts.alert;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.problem.QueryParameters;
import org.centinela.platform.security.Caller;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/alerts")
@Tag(name = "Alerts", description = "Urgent-action alerts of the rapid-response teams")
@RolesAllowed({Role.ADMIN, Role.RESPONDER})
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private static final int MAX_SIZE = 100;

    private final AlertService alerts;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List alerts, newest first", description = "A responder sees its team's alerts and those escalated to its team; an admin sees all.")
    @APIResponse(responseCode = "200", description = "`{\"items\":[…],\"page\":0,\"size\":20,\"total\":N}`")
    public AlertService.Listing list(@QueryParam("status") String status,
                                     @QueryParam("page") String pageParam,
                                     @QueryParam("size") String sizeParam) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<AlertStatus> wanted = Optional.empty();
        if (status != null) {
            try {
                wanted = Optional.of(AlertStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("status", "must be OPEN, ACKNOWLEDGED or ESCALATED"));
            }
        }
        QueryParameters.Paging paging = QueryParameters.paging(pageParam, sizeParam, 20, MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("Invalid query parameters", errors));
        }
        return alerts.list(Caller.of(identity), wanted, paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read an alert with its deliveries and their attempts")
    @APIResponse(responseCode = "404", description = "No such alert, or another team's")
    public AlertView get(@PathParam("id") UUID id) {
        return alerts.get(Caller.of(identity), id).orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert", description = "Idempotent: acknowledging again changes nothing. Escalated alerts can be acknowledged.")
    @APIResponse(responseCode = "200", description = "The alert, ACKNOWLEDGED")
    @APIResponse(responseCode = "404", description = "No such alert, or another team's")
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(Caller.of(identity), id).orElseThrow(NotFoundException::new);
    }
}
