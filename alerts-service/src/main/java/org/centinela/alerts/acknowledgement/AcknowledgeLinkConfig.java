package org.centinela.alerts.acknowledgement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** One-click acknowledge links in notifications. */
@ConfigMapping(prefix = "centinela.acknowledge-link")
public interface AcknowledgeLinkConfig {

    /**
     * The HMAC key the links are signed with ({@code CENTINELA_ACKNOWLEDGE_LINK_KEY}); without one, a key derived
     * from the token signing key (so a deployment needs no new secret; rotating either voids outstanding links).
     */
    Optional<String> key();

    /** How long a link works after its notification was written. */
    @WithDefault("PT72H")
    Duration lifetime();
}
