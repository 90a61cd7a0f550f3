package org.centinela.intake.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.intake.access.ConfidentialReads;
import org.centinela.intake.idempotency.IdempotencyKeys;
import org.centinela.intake.idempotency.StoredResponse;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.problem.QueryParameters;
import org.centinela.platform.security.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Attacks on human rights defenders reported by member organisations")
@SecurityRequirement(name = "SecurityScheme")
public class IncidentResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final Incidents incidents;
    private final IdempotencyKeys idempotency;
    private final CallerContext callers;
    private final ObjectMapper json;
    private final Regions regions;
    private final int maxPageSize;
    private final ZoneId zone;

    public IncidentResource(Incidents incidents, IdempotencyKeys idempotency, CallerContext callers, ObjectMapper json,
                            Regions regions, IncidentsConfig config) {
        this.incidents = incidents;
        this.idempotency = idempotency;
        this.callers = callers;
        this.json = json;
        this.regions = regions;
        this.maxPageSize = config.maxPageSize();
        this.zone = ZoneId.of(config.timeZone());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.REPORTER)
    @Operation(summary = "Report an incident", description = "Strict JSON; every offending field is named in the 400 "
            + "problem. With an Idempotency-Key, a repeated request with an equal body gets the first answer again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentRequest.class),
            examples = @ExampleObject(name = "incident", value = IncidentExamples.REPORT)))
    @APIResponse(responseCode = "201", description = "Recorded; Location points at the incident",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class),
                    examples = @ExampleObject(name = "incident", value = IncidentExamples.INCIDENT)))
    @APIResponse(responseCode = "400", description = "Invalid body or Idempotency-Key", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(name = "invalid", value = IncidentExamples.INVALID)))
    @APIResponse(responseCode = "413", description = "Body over 64 KiB")
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with another body")
    @APIResponse(responseCode = "429", description = "Organisation over its rate limit; see Retry-After")
    @Parameter(name = IdempotencyKeys.HEADER, in = ParameterIn.HEADER,
            description = "1..200 printable ASCII characters; scoped to the organisation, kept at least 24 h")
    public Response report(@Context HttpHeaders headers, byte[] body) throws IOException {
        var caller = callers.current();
        String idempotencyKey = IdempotencyKeys.from(headers.getRequestHeader(IdempotencyKeys.HEADER));
        JsonNode tree = json.readTree(body);
        if (tree == null || !tree.isObject()) {
            throw new ProblemException(Problem.invalid("The request body must be a JSON object",
                    List.of(new Problem.FieldError("", "expected a JSON object"))));
        }
        IncidentRequest request = json.treeToValue(tree, IncidentRequest.class);
        incidents.validate(request);
        String hash = idempotencyKey == null ? null : idempotency.hash(tree);
        StoredResponse answer = incidents.report(caller, request, idempotencyKey, hash);
        return Response.status(answer.status())
                .location(URI.create(answer.location()))
                .type(MediaType.APPLICATION_JSON)
                .entity(answer.body())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN, Role.REPORTER, Role.RESPONDER})
    @Operation(summary = "Read an incident", description = "For the owning organisation, admins and responders of a team "
            + "alerted about it; others get 404. The decrypted description and confidential part are audited.")
    @APIResponse(responseCode = "200", description = "The incident", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.class),
            examples = @ExampleObject(name = "incident", value = IncidentExamples.INCIDENT)))
    @APIResponse(responseCode = "404", description = "No such incident, or not visible to this caller")
    public IncidentView read(@PathParam("id") UUID id) {
        return incidents.read(callers.current(), id);
    }

    @GET
    @RolesAllowed({Role.ADMIN, Role.REPORTER, Role.RESPONDER})
    @Operation(summary = "List incidents", description = "Newest receivedAt first: a reporter's own, a responder's "
            + "alerted ones, all for admins. from/to are inclusive bounds on occurredOn, each within 1990-01-01..today. Items carry no description, "
            + "confidential part, locality or exact coordinates.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IncidentView.Page.class),
            examples = @ExampleObject(name = "page", value = IncidentExamples.PAGE)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem")
    public IncidentView.Page list(
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20", maximum = "100")) @QueryParam("size") String size,
            @Parameter(example = "PE-CAJ") @QueryParam("region") String region,
            @Parameter(example = "2017-01-01") @QueryParam("from") String from,
            @Parameter(example = "2017-12-31") @QueryParam("to") String to) {
        var caller = callers.current();
        List<Problem.FieldError> errors = new ArrayList<>();
        QueryParameters.Paging paging = QueryParameters.paging(page, size, 20, maxPageSize, errors);
        if (region != null && !regions.contains(region)) {
            errors.add(new Problem.FieldError("region", "unknown region '" + region + "'"));
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate fromDate = QueryParameters.date("from", from, IncidentRules.EARLIEST, today, errors);
        LocalDate toDate = QueryParameters.date("to", to, IncidentRules.EARLIEST, today, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("Invalid query parameters", errors));
        }
        return incidents.page(caller, paging.page(), paging.size(), region, fromDate, toDate);
    }

    @POST
    @Path("/{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ADMIN, Role.REPORTER})
    @Operation(summary = "Update an incident", description = "Any non-empty subset of verification, justiceStatus, "
            + "riskOngoing and note; appended to the history and published as incident.updated.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UpdateRequest.class),
            examples = @ExampleObject(name = "update", value = IncidentExamples.UPDATE)))
    @APIResponse(responseCode = "200", description = "The incident's new state", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class),
            examples = @ExampleObject(name = "incident", value = IncidentExamples.INCIDENT)))
    @APIResponse(responseCode = "400", description = "Unknown code, empty update or bad note")
    @APIResponse(responseCode = "404", description = "No such incident, or another organisation's")
    public IncidentView update(@PathParam("id") UUID id, UpdateRequest request) {
        var caller = callers.current();
        if (request == null) {
            throw new ProblemException(Problem.invalid("A JSON body is required", List.of(new Problem.FieldError("", "required"))));
        }
        List<Problem.FieldError> errors = UpdateRules.check(request);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The update is not valid", errors));
        }
        return incidents.update(caller, id, request);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed({Role.ADMIN, Role.REPORTER})
    @Operation(summary = "Who read the incident's confidential part", description = "Every answer that carried the "
            + "decrypted description or confidential part, oldest first.")
    @APIResponse(responseCode = "200", description = "The reads", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "audit", value = IncidentExamples.AUDIT)))
    @APIResponse(responseCode = "404", description = "No such incident, or another organisation's")
    public Map<String, Object> audit(@PathParam("id") UUID id) {
        List<ConfidentialReads.Read> reads = incidents.audit(callers.current(), id);
        return Map.of("incidentId", id, "reads", reads);
    }
}
