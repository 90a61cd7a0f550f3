package org.centinela.contract.vocabulary;

/** How a rapid-response team closed an alert ({@code POST /api/v1/alerts/{id}/resolve}, {@code alert.resolved}). */
public enum ResolutionOutcome implements Labelled {
    PROTECTION_PROVIDED,
    DEFENDER_SAFE,
    REFERRED,
    NO_ACTION_NEEDED,
    OTHER
}
