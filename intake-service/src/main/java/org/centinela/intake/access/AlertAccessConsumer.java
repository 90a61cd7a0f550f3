package org.centinela.intake.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.AlertEventData;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.kafka.UnreadableEventException;
import org.jboss.logging.Logger;

/**
 * Learns from the alerts topic (consumer group {@code intake}) which teams were alerted about which incidents:
 * alert.raised grants the alert's team, alert.escalated the team it was escalated to. A poll's grants are one
 * transaction of idempotent upserts, so a redelivered event changes nothing; while the database is away the same
 * events are offered again (never dead-lettered: a team must not get 404 on its incident for a pool timeout).
 */
@ApplicationScoped
public class AlertAccessConsumer implements EventHandler<Optional<AlertAccessConsumer.Grant>> {

    private static final Logger LOG = Logger.getLogger(AlertAccessConsumer.class);

    private final ConsumerLoops loops;
    private final String topic;
    private final IncidentAccess access;

    public AlertAccessConsumer(ConsumerLoops loops, TopicNames topics, IncidentAccess access) {
        this.loops = loops;
        this.topic = topics.of(Topics.ALERTS);
        this.access = access;
    }

    void start(@Observes StartupEvent event) {
        loops.start(ConsumerSettings.group("alert-access", "intake", List.of(topic)), this);
    }

    /** A team that may read an incident, and the alert that says so. */
    public record Grant(UUID incidentId, UUID teamId, UUID alertId) {
    }

    @Override
    public Optional<Grant> read(CloudEventRecord record) throws UnreadableEventException {
        boolean raised = EventTypes.ALERT_RAISED.equals(record.type());
        if (!raised && !EventTypes.ALERT_ESCALATED.equals(record.type())) {
            return Optional.empty();
        }
        AlertEventData data = record.data(AlertEventData.class);
        if (data.incidentId() == null) {
            throw new UnreadableEventException(record.type() + " without incidentId");
        }
        UUID team = raised ? data.teamId() : data.escalatedToTeamId();
        // Escalated to the coordinators' channel (no team): admins already see every incident.
        return team == null ? Optional.empty() : Optional.of(new Grant(data.incidentId(), team, data.alertId()));
    }

    @Override
    public void apply(List<Optional<Grant>> grants) {
        QuarkusTransaction.requiringNew().run(() -> grants.stream().flatMap(Optional::stream).forEach(grant -> {
            if (access.grant(grant.incidentId(), grant.teamId())) {
                LOG.infof("Team may now read the incident [incidentId=%s, teamId=%s, alertId=%s]", grant.incidentId(),
                        grant.teamId(), grant.alertId());
            }
        }));
    }
}
