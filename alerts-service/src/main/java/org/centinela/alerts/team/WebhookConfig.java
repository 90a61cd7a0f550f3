package org.centinela.alerts.team;

import io.smallrye.config.ConfigMapping;

/** Which webhook targets an operator allows. */
@ConfigMapping(prefix = "centinela.webhook")
public interface WebhookConfig {

    /**
     * {@code CENTINELA_WEBHOOK_ALLOW_PRIVATE}: allow loopback, link-local and private addresses (receivers on this
     * machine or its networks); false in production unless the operator says otherwise, true in dev and test.
     */
    boolean allowPrivate();
}
