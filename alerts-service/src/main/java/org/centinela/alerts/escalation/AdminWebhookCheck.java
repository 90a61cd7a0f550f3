package org.centinela.alerts.escalation;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.centinela.alerts.team.WebhookUrlPolicy;

/**
 * The coordinators' escalation webhook is registered by configuration, not by the API: the service refuses to start
 * when it points where {@link WebhookUrlPolicy} forbids (each send checks it again, as any webhook).
 */
@ApplicationScoped
class AdminWebhookCheck {

    void verify(@Observes StartupEvent event, EscalationConfig config, WebhookUrlPolicy urls) {
        config.adminWebhookUrl().flatMap(urls::refusal).ifPresent(reason -> {
            throw new IllegalStateException("CENTINELA_ESCALATION_ADMIN_WEBHOOK_URL " + reason);
        });
    }
}
