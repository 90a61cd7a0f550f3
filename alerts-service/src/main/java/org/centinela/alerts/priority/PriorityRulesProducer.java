package org.centinela.alerts.priority;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class PriorityRulesProducer {

    @Produces
    @Singleton
    PriorityRules rules(PriorityConfig config) {
        return PriorityRules.from(config);
    }
}
