package org.centinela.reporting.stats;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.centinela.platform.security.Caller;
import org.centinela.platform.security.Role;
import org.centinela.reporting.ReportingConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Aggregate statistics for dashboards and analysts (SPEC §6). Every answer carries a strong ETag and
 * {@code Cache-Control: private, no-cache}, so a dashboard revalidates on each poll and gets 304 while nothing
 * changed.
 */
@Path("/api/v1/stats")
@RolesAllowed({Role.ADMIN, Role.VIEWER})
@Tag(name = "Statistics")
public class StatsResource {

    private static final String CSV = "text/csv; charset=UTF-8";

    private final StatsService stats;
    private final SecurityIdentity identity;
    private final Regions regions;
    private final CacheControl cacheControl;
    private final QueryBounds bounds;

    public StatsResource(StatsService stats, SecurityIdentity identity, ReportingConfig config,
                         Regions regions) {
        this.stats = stats;
        this.identity = identity;
        this.regions = regions;
        this.bounds = new QueryBounds(Clock.systemUTC(), config.maxTimeseriesCells());
        this.cacheControl = new CacheControl();
        cacheControl.setPrivate(true);
        cacheControl.setNoCache(config.maxAgeSeconds() == 0);
        cacheControl.setMaxAge(config.maxAgeSeconds() == 0 ? -1 : config.maxAgeSeconds());
        cacheControl.setNoTransform(false);
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Incidents, defenders affected and every breakdown, for the filters given",
            description = "Filters: from, to (inclusive dates on occurredOn), region, violation, sector, perpetratorKind "
                    + "(each once; repeatable with exact=true), exact=true (admins only). Without exact, from/to are whole "
                    + "months within 1990-01-01..today and counts are protected (perturbed; small ones null or 0).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
    @ExampleObject(name = "summary", value = """
            {"incidents":42,"defendersAffected":97,"womenDefendersAffected":31,"byViolation":{"KILLING":0,"DEATH_THREAT":17},
             "byRegion":{"PE-CAJ":12,"PE-LOR":null,"PE-PUN":null},"byPerpetrator":{"POLICE":9},
             "byPerpetratorKind":{"STATE":20,"NON_STATE":25,"UNKNOWN":3},"bySector":{"ENVIRONMENTAL":30},
             "byJusticeStatus":{"NOT_REPORTED":30,"ARCHIVED_WITHOUT_SANCTION":12},"byVerification":{"UNVERIFIED":42},
             "byMonth":{"2017-08":12},"asOf":"2026-11-29T00:40:00Z"}""")))
    @APIResponse(responseCode = "304", description = "If-None-Match matches the current ETag")
    @APIResponse(responseCode = "400", description = "Unknown parameter or code, a date outside 1990-01-01..today; "
            + "for figures that are not exact, part of a month or a filter given twice")
    public Uni<Response> summary(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(StatsService.Kind.SUMMARY, uri, StatsRequest.SUMMARY, ifNoneMatch, MediaType.APPLICATION_JSON, false);
    }

    @GET
    @Path("/timeseries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Incidents per month or year, broken down by violation, region, perpetratorKind or sector",
            description = "interval=month|year and groupBy are required; the summary's filters apply.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
    @ExampleObject(name = "timeseries", value = """
            {"interval":"month","groupBy":"perpetratorKind","series":[{"period":"2017-08","incidents":12,
             "counts":{"STATE":7,"NON_STATE":6,"UNKNOWN":0}}],"asOf":"2026-11-29T00:40:00Z"}""")))
    @APIResponse(responseCode = "304", description = "If-None-Match matches the current ETag")
    public Uni<Response> timeseries(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(StatsService.Kind.TIMESERIES, uri, StatsRequest.TIMESERIES, ifNoneMatch, MediaType.APPLICATION_JSON,
                true);
    }

    @GET
    @Path("/alerts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Alerts raised, acknowledged, escalated, delivery failures and time to acknowledge",
            description = "Filters: from, to (inclusive dates on raisedAt, UTC), region.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples =
    @ExampleObject(name = "alerts", value = """
            {"raised":20,"acknowledged":18,"escalated":3,"deliveryFailures":0,
             "timeToAcknowledgeSeconds":{"CRITICAL":{"median":240,"p90":900},"HIGH":{"median":600,"p90":1700},
             "NORMAL":{"median":null,"p90":null}},
             "byRegion":{"PE-CAJ":{"raised":12,"acknowledged":11,"medianSecondsToAcknowledge":300}},
             "asOf":"2026-11-29T00:40:00Z"}""")))
    @APIResponse(responseCode = "304", description = "If-None-Match matches the current ETag")
    public Uni<Response> alerts(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(StatsService.Kind.ALERTS, uri, StatsRequest.ALERTS, ifNoneMatch, MediaType.APPLICATION_JSON, false);
    }

    @GET
    @Path("/export.csv")
    @Produces(CSV)
    @Operation(summary = "The summary (breakdown,key,incidents) or, with interval and groupBy, the time series "
            + "(period,key,incidents) as CSV; never single incidents")
    @APIResponse(responseCode = "200", content = @Content(mediaType = CSV, examples = @ExampleObject(name = "csv",
            value = "breakdown,key,incidents\r\ntotal,incidents,42\r\nbyRegion,PE-CAJ,12\r\nbyRegion,PE-LOR,\r\n")))
    public Uni<Response> export(@Context UriInfo uri, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        StatsRequest request = request(uri, StatsRequest.TIMESERIES, false);
        StatsService.Kind kind = request.isTimeseries() ? StatsService.Kind.TIMESERIES_CSV : StatsService.Kind.SUMMARY_CSV;
        return respond(kind, request, ifNoneMatch, CSV);
    }

    private Uni<Response> respond(StatsService.Kind kind, UriInfo uri, Set<String> allowed, String ifNoneMatch,
                                  String mediaType, boolean timeseries) {
        return respond(kind, request(uri, allowed, timeseries), ifNoneMatch, mediaType);
    }

    private StatsRequest request(UriInfo uri, Set<String> allowed, boolean timeseries) {
        StatsRequest request = StatsRequest.parse(uri.getQueryParameters(), allowed, regions, timeseries, bounds);
        if (request.exact() && !Caller.of(identity).isAdmin()) {
            throw new ProblemException(Problem.of(Response.Status.FORBIDDEN, "Only admins may ask for exact figures"));
        }
        return request;
    }

    /**
     * A dashboard's poll is answered on the event loop when nothing changed: the ETag is known from memory (see
     * {@link StatsService#currentEtag}), so the 304 needs no worker thread. Only a body, which may read the
     * aggregates, is made on a worker.
     */
    private Uni<Response> respond(StatsService.Kind kind, StatsRequest request, String ifNoneMatch, String mediaType) {
        String current = stats.currentEtag(kind, request);
        if (matches(ifNoneMatch, current)) {
            return Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, current)
                    .cacheControl(cacheControl).build());
        }
        return Uni.createFrom().item(() -> {
            StatsService.Answer answer = stats.answer(kind, request);
            return Response.ok(answer.body(), mediaType).header(HttpHeaders.ETAG, answer.etag())
                    .cacheControl(cacheControl).build();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a W/ prefix does not matter. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }
}
