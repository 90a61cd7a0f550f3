package org.centinela.alerts.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.platform.security.RevocationPublisher;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Tag(name = "Teams", description = "Rapid-response teams: regions, minimum priority, channels, escalation")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamResource {

    private final TeamService teams;
    private final TokenService tokens;
    private final RevocationPublisher revocations;

    public TeamResource(TeamService teams, TokenService tokens, RevocationPublisher revocations) {
        this.teams = teams;
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @POST
    @Operation(summary = "Register a team", description = "Answers with the team and its responder token, shown only this once.")
    @APIResponse(responseCode = "201", description = "Created; body includes `token`")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "team", value = TeamExamples.REQUEST)))
    @APIResponse(responseCode = "400", description = "Invalid body; each offending field is named")
    public Response create(TeamRequest body, @Context UriInfo uri) {
        Team team = teams.create(body);
        String token = tokens.issue(team.id, Role.RESPONDER);
        return Response.created(uri.getAbsolutePathBuilder().path(team.id.toString()).build())
                .entity(TeamView.of(team, token)).build();
    }

    @GET
    @Operation(summary = "List the teams that are not deleted")
    @APIResponse(responseCode = "200", description = "`{\"items\":[…]}`", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "teams", value = TeamExamples.LIST)))
    public Map<String, List<TeamView>> list() {
        return Map.of("items", Team.listActive().stream().map(team -> TeamView.of(team, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a team (never its webhook secrets)")
    @APIResponse(responseCode = "404", description = "No such team, or deleted")
    public TeamView get(@PathParam("id") UUID id) {
        return Team.findActive(id).map(team -> TeamView.of(team, null)).orElseThrow(NotFoundException::new);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a team's settings", description = "A webhook whose `secret` is left out keeps the stored secret of the same URL.")
    @APIResponse(responseCode = "200", description = "The team as changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "team", value = TeamExamples.TEAM)))
    @APIResponse(responseCode = "400", description = "Invalid body; each offending field is named")
    @APIResponse(responseCode = "404", description = "No such team, or deleted")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "team", value = TeamExamples.REQUEST)))
    public TeamView replace(@PathParam("id") UUID id, TeamRequest body) {
        return teams.replace(id, body).map(team -> TeamView.of(team, null)).orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a team", description = "Revokes its tokens everywhere and stops new alerts; its alerts are kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such team, or already deleted")
    public Response delete(@PathParam("id") UUID id) {
        if (Team.findActive(id).isEmpty()) {
            throw new NotFoundException();
        }
        revocations.revoke(id, Role.RESPONDER);
        teams.markDeleted(id);
        return Response.noContent().build();
    }
}
