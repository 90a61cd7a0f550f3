package org.centinela.platform.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.centinela.contract.vocabulary.Regions;

/** The regions of the deployment's country ({@code centinela.country}), for every bean that validates or breaks down by region. */
public class RegionsProducer {

    @Produces
    @Singleton
    Regions regions(CentinelaConfig config) {
        return Regions.of(config.country());
    }
}
