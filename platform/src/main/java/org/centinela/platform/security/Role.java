package org.centinela.platform.security;

/** The four roles of SPEC §3; the names are the {@code groups} claim of tokens and the values of {@code @RolesAllowed}. */
public final class Role {

    /** Coordinators: register organisations, teams and viewers; see everything. */
    public static final String ADMIN = "admin";
    /** A member organisation: posts and follows its own incidents. */
    public static final String REPORTER = "reporter";
    /** A rapid-response team: receives and acknowledges its alerts. */
    public static final String RESPONDER = "responder";
    /** A dashboard or analyst: reads aggregate statistics only. */
    public static final String VIEWER = "viewer";

    private Role() {
    }
}
