package org.centinela.contract.vocabulary;

/** Urgency of an incident for the rapid-response teams, from most to least urgent. */
public enum Priority implements Labelled {
    CRITICAL,
    HIGH,
    NORMAL;

    /** Whether this priority is at least as urgent as {@code other}. */
    public boolean atLeast(Priority other) {
        return ordinal() <= other.ordinal();
    }
}
