package org.centinela.platform.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A failure because the database cannot be reached ({@link DatabaseUnavailable}) is a 503 with Retry-After. Anything
 * else no other mapper knows is a bug: the client gets a problem+json 500 with an error id and no internals (in
 * every profile; Quarkus' dev and test answer would carry the stack trace), the log gets the id with the trace.
 */
public class UnexpectedFailureMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class);

    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        if (DatabaseUnavailable.causes(failure)) {
            // Not a bug: the request may succeed once the database is back, and a careful client retries.
            LOG.warnf("Database unreachable; answered 503 [method=%s, path=%s]: %s", request.method(), request.path(),
                    failure.getMessage());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
                            "The database cannot be reached right now; try again shortly").toResponse())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure [errorId=%s, method=%s, path=%s]", errorId, request.method(), request.path());
        return Problem.unexpected(errorId).toResponse();
    }
}
