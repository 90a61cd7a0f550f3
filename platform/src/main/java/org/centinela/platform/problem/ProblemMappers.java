package org.centinela.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.centinela.platform.security.RevocationNotPublishedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps the failures every service shares to problem responses, so no client ever parses an HTML error page. */
public class ProblemMappers {

    private static final String CHALLENGE = "Bearer realm=\"centinela\"";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                        "A valid 'Authorization: Bearer <token>' header is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "This token's role may not do this").toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.of(Response.Status.NOT_FOUND, "No such resource").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return Response.fromResponse(Problem.of(Response.Status.METHOD_NOT_ALLOWED, "Method not allowed here").toResponse())
                .allow(e.getResponse().getAllowedMethods())
                .build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Send application/json").toResponse();
    }

    @ServerExceptionMapper
    public Response revocationNotPublished(RevocationNotPublishedException e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse();
    }
}
