package org.centinela.alerts.incident;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.centinela.alerts.delivery.Dispatcher;
import org.centinela.contract.Topics;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.ConsumerLoops;
import org.centinela.platform.kafka.ConsumerSettings;
import org.centinela.platform.kafka.EventHandler;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.kafka.UnreadableEventException;

/**
 * Consumes incident events (consumer group {@code alerts}) with the platform's supervised loop: unreadable records
 * go to {@code <topic>.dlq}; each event is applied in its own transaction and its notifications are handed to the
 * {@link Dispatcher}'s threads once it commits, so sending never holds up the next incident. A failure (the database
 * away) offers the same events again: those already applied are found in {@code processed_event} and change nothing.
 */
@ApplicationScoped
public class IncidentConsumer implements EventHandler<IncidentEvent> {

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
    public void apply(List<IncidentEvent> events) {
        for (IncidentEvent event : events) {
            dispatcher.dispatch(processor.apply(event));
        }
    }
}
