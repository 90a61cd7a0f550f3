package org.centinela.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is calling: a role and, except for the bootstrap admin, the principal the token was issued to
 * (an organisation for a reporter, a team for a responder, a viewer, or an admin).
 */
public record Caller(String role, UUID principalId) {

    static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(SecurityIdentity identity) {
        Caller caller = identity.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("No Centinela caller on an unauthenticated request");
        }
        return caller;
    }

    public boolean isAdmin() {
        return Role.ADMIN.equals(role);
    }

    /** The organisation a reporter acts for; empty for every other role. */
    public Optional<UUID> organisationId() {
        return Role.REPORTER.equals(role) ? Optional.of(principalId) : Optional.empty();
    }

    /** The team a responder belongs to; empty for every other role. */
    public Optional<UUID> teamId() {
        return Role.RESPONDER.equals(role) ? Optional.of(principalId) : Optional.empty();
    }
}
