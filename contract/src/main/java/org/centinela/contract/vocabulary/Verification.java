package org.centinela.contract.vocabulary;

/** How far the coalition has verified an incident; every incident starts {@link #UNVERIFIED}. */
public enum Verification implements Labelled {
    UNVERIFIED,
    CONFIRMED,
    LIKELY,
    POSSIBLE,
    UNLIKELY,
    REJECTED;
}
