package org.centinela.alerts.incident;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.centinela.alerts.delivery.Dispatcher;
import org.centinela.contract.Topics;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.kafka.UnreadableEventException;
import org.jboss.logging.Logger;

/**
 * Consumes incident events (consumer group {@code alerts}) with the platform's supervised loop: unreadable records
 * go to {@code <topic>.dlq}; a poll's events are applied in one transaction and their notifications are handed to
 * the {@link Dispatcher}'s threads once it commits, so sending never holds up the next incident. When that
 * transaction fails, the events are applied again one per transaction, so that one event that keeps failing holds
 * back only the later events of its own incident; the failure then offers the poll again (retried in place, never
 * skipped), and the events already applied are found in {@code processed_event} and change nothing.
 */
@ApplicationScoped
public class IncidentConsumer implements EventHandler<IncidentEvent> {

    private static final Logger LOG = Logger.getLogger(IncidentConsumer.class);

    private final ConsumerLoops loops;
    private final String topic;
    private final IncidentProcessor processor;
    private final Dispatcher dispatcher;

    public IncidentConsumer(ConsumerLoops loops, TopicNames topics, IncidentProcessor processor, Dispatcher dispatcher) {
        this.loops = loops;
        this.topic = topics.of(Topics.INCIDENTS);
        this.processor = processor;
        this.dispatcher = dispatcher;
    }

    void start(@Observes StartupEvent event) {
        loops.start(ConsumerSettings.group("incidents", "alerts", List.of(topic)), this);
    }

    @Override
    public IncidentEvent read(CloudEventRecord record) throws UnreadableEventException {
        return IncidentEventParser.parse(record);
    }

    @Override
    public void apply(List<IncidentEvent> events) throws Exception {
        try {
            dispatcher.dispatch(processor.applyAll(events));
        } catch (Exception batchFailure) {
            if (events.size() == 1) {
                throw batchFailure;
            }
            LOG.warnf("A batch of %d incident events was not applied (%s); applying them one by one", events.size(),
                    batchFailure);
            applyOneByOne(events);
        }
    }

    private void applyOneByOne(List<IncidentEvent> events) throws Exception {
        Exception first = null;
        Set<UUID> held = new HashSet<>();
        for (IncidentEvent event : events) {
            UUID incidentId = event.data().incidentId();
            if (held.contains(incidentId)) {
                continue; // an incident's events apply in order: after a failed one, none of its later ones
            }
            try {
                dispatcher.dispatch(processor.apply(event));
            } catch (Exception e) {
                held.add(incidentId);
                if (first == null) {
                    first = e;
                    LOG.warnf("Incident event not applied; the later events of its incident wait for it [eventId=%s, incidentId=%s]: %s",
                            event.id(), incidentId, e);
                } else {
                    LOG.debugf("Incident event not applied either [eventId=%s, incidentId=%s]: %s", event.id(), incidentId, e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
