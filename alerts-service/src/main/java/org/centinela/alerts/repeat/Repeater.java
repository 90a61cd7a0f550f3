package org.centinela.alerts.repeat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.AlertStatus;
import org.centinela.alerts.alert.Incident;
import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.notification.Notifications;
import org.centinela.alerts.team.Team;
import org.jboss.logging.Logger;

/**
 * Sends one repeat of an alert still OPEN, under its row lock, so two instances (or an acknowledgement arriving
 * meanwhile) never send it twice: the repeat counter moves in the same transaction as the deliveries are written.
 */
@ApplicationScoped
public class Repeater {

    /** The notification of a repeat; not an event on the alerts topic. */
    public static final String ALERT_REPEATED = "alert.repeated";

    private static final Logger LOG = Logger.getLogger(Repeater.class);

    private final EntityManager em;
    private final Notifications notifications;

    public Repeater(EntityManager em, Notifications notifications) {
        this.em = em;
        this.notifications = notifications;
    }

    /** The claimed deliveries of the repeat, to send once the caller commits; none if it is no longer due. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> repeat(UUID alertId, Instant now) {
        Alert alert = em.find(Alert.class, alertId, LockModeType.PESSIMISTIC_WRITE);
        Team team = Team.<Team>findByIdOptional(alert.teamId).filter(found -> !found.isDeleted()).orElse(null);
        if (alert.status != AlertStatus.OPEN || team == null
                || !RepeatSchedule.due(alert.raisedAt, team.repeatEveryMinutes, team.maxRepeats, alert.repeats, now)) {
            return List.of();
        }
        alert.repeats++;
        LOG.infof("Alert repeated [alertId=%s, incidentId=%s, repeat=%d of %d]", alert.id, alert.incidentId,
                alert.repeats, team.maxRepeats);
        return notifications.notify(ALERT_REPEATED, alert, Incident.findById(alert.incidentId), team);
    }
}
