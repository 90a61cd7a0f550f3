package org.centinela.intake.incident;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.centinela.intake.ratelimit.RateLimiter;
import org.centinela.platform.security.Caller;

/** The current caller of the incidents API, counted against its organisation's rate limit once per request. */
@RequestScoped
public class CallerContext {

    private final SecurityIdentity identity;
    private final RateLimiter rateLimiter;
    private Caller caller;

    public CallerContext(SecurityIdentity identity, RateLimiter rateLimiter) {
        this.identity = identity;
        this.rateLimiter = rateLimiter;
    }

    public Caller current() {
        if (caller == null) {
            Caller found = Caller.of(identity);
            found.organisationId().ifPresent(rateLimiter::acquire);
            caller = found;
        }
        return caller;
    }
}
