package org.centinela.intake.ratelimit;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A 429 problem answer with its Retry-After header, passed through as built. */
public class RateLimitedException extends WebApplicationException {

    public RateLimitedException(Response response) {
        super(response);
    }
}
