package org.centinela.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's name of each topic of {@link org.centinela.contract.Topics}: the contract's name behind an
 * optional prefix ({@code centinela.topic-prefix}, env {@code CENTINELA_TOPIC_PREFIX}; each service's tests use
 * their own). Optional because an empty configuration value counts as missing.
 */
@ApplicationScoped
public class TopicNames {

    private final String prefix;

    @Inject
    public TopicNames(@ConfigProperty(name = "centinela.topic-prefix") Optional<String> prefix) {
        this(prefix.orElse(""));
    }

    public TopicNames(String prefix) {
        this.prefix = prefix;
    }

    public String of(String topic) {
        return prefix + topic;
    }
}
