package org.centinela.alerts.escalation;

import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.AlertEscalation;
import org.centinela.alerts.alert.AlertStatus;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.notification.Notifications;
import org.centinela.alerts.alert.Incident;
import org.centinela.platform.outbox.OutboxWriter;
import org.centinela.alerts.team.Channel;
import org.centinela.alerts.team.EscalationStep;
import org.centinela.alerts.team.Team;
import org.centinela.contract.EventTypes;
import org.centinela.platform.crypto.FieldCipher;
import org.jboss.logging.Logger;

/**
 * Takes the next step of an alert's escalation chain: under the row lock, the first step of an OPEN alert, or a
 * further step of an ESCALATED one once {@code nextEscalationAt} has come. The step is recorded
 * ({@code alert_escalation}, unique per alert and step), published as {@code alert.escalated} with its number, and
 * its team (or the coordinators' channel) notified. An alert acknowledged or resolved meanwhile is left alone, so two
 * instances, or a late acknowledgement, never take a step twice and an acknowledgement stops the chain.
 */
@Startup
@ApplicationScoped
public class Escalator {

    private static final Logger LOG = Logger.getLogger(Escalator.class);

    private final EntityManager em;
    private final OutboxWriter outbox;
    private final Notifications notifications;
    private final EscalationConfig config;
    private final FieldCipher cipher;

    public Escalator(EntityManager em, OutboxWriter outbox, Notifications notifications, EscalationConfig config,
                     FieldCipher cipher) {
        this.em = em;
        this.outbox = outbox;
        this.notifications = notifications;
        this.config = config;
        this.cipher = cipher;
        if (config.adminWebhookUrl().isPresent() && config.adminWebhookSecret().isEmpty()) {
            // Found at start-up, not at the first escalation at 3 a.m.
            throw new IllegalStateException("centinela.escalation.admin-webhook-secret (CENTINELA_ESCALATION_ADMIN_WEBHOOK_SECRET) "
                    + "is required with admin-webhook-url");
        }
    }

    /** Returns the claimed deliveries of the escalation notice, to send once the caller commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> escalate(UUID alertId, Instant now) {
        Alert alert = em.find(Alert.class, alertId);
        em.refresh(alert, LockModeType.PESSIMISTIC_WRITE);
        boolean further = alert.status == AlertStatus.ESCALATED && alert.nextEscalationAt != null
                && !alert.nextEscalationAt.isAfter(now);
        if (alert.status != AlertStatus.OPEN && !further) {
            return List.of();
        }
        List<EscalationStep> chain = Team.<Team>findByIdOptional(alert.teamId).map(Team::escalationChain).orElse(List.of());
        int step = alert.escalationStep + 1;
        // A step whose team is gone (or a chain shortened meanwhile) goes to the coordinators.
        Optional<Team> target = Optional.ofNullable(step <= chain.size() ? chain.get(step - 1).teamId() : null)
                .flatMap(Team::findActive);
        alert.status = AlertStatus.ESCALATED;
        alert.escalatedAt = now;
        alert.escalatedToTeamId = target.map(team -> team.id).orElse(null);
        alert.escalationStep = step;
        alert.nextEscalationAt = step < chain.size() ? now.plus(Duration.ofMinutes(chain.get(step).afterMinutes())) : null;
        AlertEscalation taken = new AlertEscalation();
        taken.alertId = alert.id;
        taken.step = step;
        taken.teamId = alert.escalatedToTeamId;
        taken.escalatedAt = now;
        taken.persist();
        outbox.append(alert.incidentId, EventTypes.ALERT_ESCALATED, alert.escalatedEvent(), now);
        Incident incident = Incident.findById(alert.incidentId);
        LOG.infof("Alert escalated [alertId=%s, incidentId=%s, step=%d of %d, toTeamId=%s]", alert.id,
                alert.incidentId, step, chain.size(), alert.escalatedToTeamId);
        if (target.isPresent()) {
            return notifications.notify(EventTypes.ALERT_ESCALATED, alert, incident, target.get());
        }
        List<Channel> admins = adminChannels();
        if (admins.isEmpty()) {
            LOG.warnf("Alert escalated to the coordinators but no centinela.escalation.admin-* channel is configured [alertId=%s]",
                    alert.id);
            return List.of();
        }
        return notifications.notify(EventTypes.ALERT_ESCALATED, alert, incident, null, config.adminLanguage(), admins);
    }

    private List<Channel> adminChannels() {
        List<Channel> channels = new ArrayList<>();
        config.adminEmail().ifPresent(address -> channels.add(Channel.email(address)));
        config.adminWebhookUrl().ifPresent(url -> channels.add(Channel.webhook(url,
                cipher.encrypt(config.adminWebhookSecret().orElseThrow()), null)));
        return channels;
    }
}
