package org.centinela.alerts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** An instance as production runs it: webhooks to loopback, link-local and private addresses refused. */
public class PrivateTargetsRefusedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // The profile's own name too: application.properties allows private targets under %test.
        return Map.of("centinela.webhook.allow-private", "false", "%test.centinela.webhook.allow-private", "false");
    }
}
