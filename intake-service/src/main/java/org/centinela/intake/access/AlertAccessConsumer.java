package org.centinela.intake.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.event.AlertEventData;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns from the alerts topic which teams were alerted about which incidents: alert.raised grants the alert's
 * team, alert.escalated the team it was escalated to. The grant is an idempotent upsert, so a redelivered event
 * changes nothing; the offset is acknowledged after the transaction commits. Records that cannot be parsed go to
 * the topic's dead-letter queue (channel configuration) and consumption goes on.
 */
@ApplicationScoped
public class AlertAccessConsumer {

    public static final String CHANNEL = "alerts";
    private static final Logger LOG = Logger.getLogger(AlertAccessConsumer.class);

    private final IncidentAccess access;
    private final ObjectMapper json;

    public AlertAccessConsumer(IncidentAccess access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void onAlert(ConsumerRecord<String, byte[]> record) throws IOException {
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE).orElse("");
        if (!EventTypes.ALERT_RAISED.equals(type) && !EventTypes.ALERT_ESCALATED.equals(type)) {
            return;
        }
        AlertEventData data = json.readValue(record.value(), AlertEventData.class);
        if (data.incidentId() == null) {
            throw new IllegalArgumentException(type + " without incidentId");
        }
        var team = EventTypes.ALERT_RAISED.equals(type) ? data.teamId() : data.escalatedToTeamId();
        if (team == null) {
            return; // escalated to the coordinators' channel: admins already see every incident
        }
        if (access.grant(data.incidentId(), team)) {
            LOG.infof("Team may now read the incident [incidentId=%s, teamId=%s, alertId=%s]", data.incidentId(), team,
                    data.alertId());
        }
    }
}
