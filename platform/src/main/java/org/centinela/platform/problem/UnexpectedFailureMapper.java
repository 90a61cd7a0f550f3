package org.centinela.platform.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Anything no other mapper knows is a bug: the client gets a problem+json 500 with an error id and no internals (in
 * every profile; Quarkus' dev and test answer would carry the stack trace), the log gets the id with the trace.
 */
public class UnexpectedFailureMapper {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class);

    @ServerExceptionMapper
    public Response unexpected(Throwable failure, HttpServerRequest request) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(failure, "Unexpected failure [errorId=%s, method=%s, path=%s]", errorId, request.method(), request.path());
        return Problem.unexpected(errorId).toResponse();
    }
}
