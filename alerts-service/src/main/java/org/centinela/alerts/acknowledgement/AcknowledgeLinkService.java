package org.centinela.alerts.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.centinela.alerts.Time;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.AlertEscalation;
import org.centinela.alerts.alert.AlertService;
import org.centinela.alerts.acknowledgement.AcknowledgePage.State;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Opening a link shows what it would do and changes nothing (mail scanners open links); confirming uses it up,
 * in the transaction that acknowledges, whatever the alert's state, so a link works once.
 */
@ApplicationScoped
public class AcknowledgeLinkService {

    static final int MAX_NAME = 200;
    private static final Logger LOG = Logger.getLogger(AcknowledgeLinkService.class);

    private final AcknowledgeLinks links;
    private final AlertService alerts;
    private final EntityManager em;

    public AcknowledgeLinkService(AcknowledgeLinks links, AlertService alerts, EntityManager em) {
        this.links = links;
        this.alerts = alerts;
        this.em = em;
    }

    @Transactional
    public AcknowledgePage look(UUID alertId, String token) {
        Optional<AcknowledgeLinks.Link> link = valid(alertId, token);
        if (link.isEmpty()) {
            return AcknowledgePage.invalid();
        }
        return refusal(link.get(), Time.now()).orElseGet(() ->
                page(State.CONFIRM, link.get(), null));
    }

    @Transactional
    public AcknowledgePage use(UUID alertId, String token, String name) {
        Optional<AcknowledgeLinks.Link> found = valid(alertId, token);
        if (found.isEmpty()) {
            return AcknowledgePage.invalid();
        }
        AcknowledgeLinks.Link link = found.get();
        Instant now = Time.now();
        Optional<AcknowledgePage> refused = refusal(link, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        String by = name == null || name.isBlank() ? null : name.strip();
        if (by != null && by.length() > MAX_NAME) {
            return page(State.NAME_TOO_LONG, link, null);
        }
        boolean claimed = em.unwrap(Session.class).createNativeMutationQuery(
                        "INSERT INTO acknowledge_link_use (link_id, alert_id, used_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                .setParameter(1, link.linkId(), UUID.class).setParameter(2, link.alertId(), UUID.class)
                .setParameter(3, now, Instant.class).executeUpdate() == 1;
        if (!claimed) {
            return page(State.USED, link, null);
        }
        boolean acknowledged = alerts.acknowledgeBy(link.alertId(), link.teamId(), by, link.channel());
        LOG.infof("Acknowledge link used [alertId=%s, linkId=%s, channel=%s, acknowledged=%s]", link.alertId(),
                link.linkId(), link.channel(), acknowledged);
        return page(acknowledged ? State.ACKNOWLEDGED : State.ALREADY, link, by);
    }

    /** The link when its signature holds, its alert exists and its team is one the alert went to. */
    private Optional<AcknowledgeLinks.Link> valid(UUID alertId, String token) {
        return links.read(alertId, token).filter(link -> {
            Alert alert = Alert.findById(link.alertId());
            return alert != null && (link.teamId() == null || link.teamId().equals(alert.teamId)
                    || AlertEscalation.count("alertId = ?1 and teamId = ?2", alert.id, link.teamId()) > 0);
        });
    }

    private Optional<AcknowledgePage> refusal(AcknowledgeLinks.Link link, Instant now) {
        if (link.expiredAt(now)) {
            return Optional.of(page(State.EXPIRED, link, null));
        }
        Number uses = (Number) em.createNativeQuery("SELECT count(*) FROM acknowledge_link_use WHERE link_id = ?1")
                .setParameter(1, link.linkId()).getSingleResult();
        return uses.longValue() > 0 ? Optional.of(page(State.USED, link, null)) : Optional.empty();
    }

    private static AcknowledgePage page(State state, AcknowledgeLinks.Link link, String name) {
        Alert alert = Alert.findById(link.alertId());
        return new AcknowledgePage(state, link.language(), alert.reference, name);
    }
}
