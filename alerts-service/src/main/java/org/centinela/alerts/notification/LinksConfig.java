package org.centinela.alerts.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Public base URLs put into notifications, so a responder can open the incident and acknowledge the alert. */
@ConfigMapping(prefix = "centinela.links")
public interface LinksConfig {

    @WithDefault("http://127.0.0.1:8081")
    String intakeBaseUrl();

    @WithDefault("http://127.0.0.1:8082")
    String alertsBaseUrl();
}
