package org.centinela.reporting.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.centinela.contract.Topics;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The topics this service reads, with the deployment's prefix (tests use their own topics). */
@ApplicationScoped
public class ReportingTopics {

    private final String prefix;

    public ReportingTopics(@ConfigProperty(name = "centinela.topic-prefix", defaultValue = "") String prefix) {
        this.prefix = prefix;
    }

    public String incidents() {
        return prefix + Topics.INCIDENTS;
    }

    public String alerts() {
        return prefix + Topics.ALERTS;
    }

    public List<String> all() {
        return List.of(incidents(), alerts());
    }
}
