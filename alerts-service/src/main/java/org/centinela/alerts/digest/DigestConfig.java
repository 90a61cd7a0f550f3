package org.centinela.alerts.digest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.time.ZoneId;

/** When teams get their daily digest: once a day, from {@code at} local time in {@code time-zone}. */
@ConfigMapping(prefix = "centinela.digest")
public interface DigestConfig {

    @WithDefault("08:00")
    LocalTime at();

    @WithDefault("America/Lima")
    ZoneId timeZone();

    /** How often the job looks whether a digest is due (a Quarkus scheduler interval). */
    @WithDefault("1m")
    String checkInterval();
}
