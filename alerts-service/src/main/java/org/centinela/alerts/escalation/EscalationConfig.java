package org.centinela.alerts.escalation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where alerts go that no team acknowledged in time and whose team names no escalation team: the coordinators'
 * channel, an e-mail address and/or a signed webhook.
 */
@ConfigMapping(prefix = "centinela.escalation")
public interface EscalationConfig {

    Optional<String> adminEmail();

    Optional<String> adminWebhookUrl();

    /** Signs the coordinators' webhook; required when {@code admin-webhook-url} is set. */
    Optional<String> adminWebhookSecret();

    @WithDefault("es")
    String adminLanguage();

    /** How often unacknowledged alerts are looked for (a Quarkus scheduler interval). */
    @WithDefault("30s")
    String checkInterval();
}
