package org.centinela.intake.ratelimit;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keeps the 429's Retry-After header, which the generic WebApplicationException mapper would drop. */
public class RateLimitedMapper {

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return e.getResponse();
    }
}
