package org.centinela.intake.incident;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "centinela.incidents")
public interface IncidentsConfig {

    /** The time zone in which "not in the future" is judged (SPEC §9). */
    @WithDefault("America/Lima")
    String timeZone();

    /** Largest page of GET /api/v1/incidents. */
    @WithDefault("100")
    int maxPageSize();
}
