package org.centinela.platform.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The settings every service shares (SPEC §10, README "Configuration"), read in one place. A mapping of the root
 * {@code centinela}: every {@code centinela.*} property must belong to this or another mapping, so that a misspelt
 * setting stops the service at start-up instead of being ignored.
 */
@ConfigMapping(prefix = "centinela")
public interface CentinelaConfig {

    /** The bootstrap coordinator token ({@code CENTINELA_ADMIN_TOKEN}); see {@code AdminTokenRule}. */
    String adminToken();

    /** ISO 3166-1 country whose ISO 3166-2 regions incidents use ({@code CENTINELA_COUNTRY}). */
    String country();

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /centinela/intake-service}. */
    String eventSource();

    /**
     * Prefix of every topic name ({@code CENTINELA_TOPIC_PREFIX}); each service's tests use their own. Optional
     * because an empty value counts as missing.
     */
    Optional<String> topicPrefix();
}
