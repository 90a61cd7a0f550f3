package org.centinela.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.centinela.contract.Topics;
import org.centinela.platform.kafka.TopicNames;

/** The topics this service reads, with the deployment's prefix (tests use their own topics). */
@ApplicationScoped
public class ReportingTopics {

    private final TopicNames names;

    public ReportingTopics(TopicNames names) {
        this.names = names;
    }

    public String incidents() {
        return names.of(Topics.INCIDENTS);
    }

    public String alerts() {
        return names.of(Topics.ALERTS);
    }

    public List<String> all() {
        return List.of(incidents(), alerts());
    }
}
