package org.centinela.reporting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of reporting-service; each can be overridden by an environment variable (CENTINELA_REPORTING_…). */
@ConfigMapping(prefix = "centinela.reporting")
public interface ReportingConfig {

    /** k of small-cell suppression: counts 0 < n < k are shown as null to callers without exact=true. */
    @WithDefault("3")
    int suppressionThreshold();

    /** Kafka consumer group of the live consumer. */
    @WithDefault("reporting")
    String consumerGroup();

    /** Where a new consumer group starts; tests start at the end so that earlier runs' records do not count. */
    @WithDefault("earliest")
    String autoOffsetReset();

    /** Most records applied in one database transaction. */
    @WithDefault("5000")
    int maxBatch();

    /** How often the served version is re-read from the database (changes made by another instance or a rebuild). */
    @WithDefault("PT0.5S")
    Duration versionRefresh();

    /** Most cells a time series may have (periods × (keys + 1)): 37 years by month and violation fit, by region not. */
    @WithDefault("10000")
    int maxTimeseriesCells();

    /** Cache-Control max-age of stats responses; 0 makes dashboards revalidate every poll. */
    @WithDefault("0")
    int maxAgeSeconds();
}
