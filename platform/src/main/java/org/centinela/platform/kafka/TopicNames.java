package org.centinela.platform.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.centinela.platform.config.CentinelaConfig;

/**
 * The deployment's name of each topic of {@link org.centinela.contract.Topics}: the contract's name behind an
 * optional prefix ({@code centinela.topic-prefix}, env {@code CENTINELA_TOPIC_PREFIX}).
 */
@ApplicationScoped
public class TopicNames {

    private final String prefix;

    @Inject
    public TopicNames(CentinelaConfig config) {
        this(config.topicPrefix().orElse(""));
    }

    public TopicNames(String prefix) {
        this.prefix = prefix;
    }

    public String of(String topic) {
        return prefix + topic;
    }
}
