package org.centinela.contract.vocabulary;

/** The circumstances in which an incident happened. */
public enum Context implements Labelled {
    PROTEST,
    EXTRACTIVE_PROJECT,
    INFRASTRUCTURE_PROJECT,
    LAND_CONFLICT,
    ELECTIONS,
    JUDICIAL_PROCESS,
    ONLINE,
    OTHER;
}
