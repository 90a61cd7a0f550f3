package org.centinela.contract.vocabulary;

/** Urgency of an incident for the rapid-response teams, from most to least urgent. */
public enum Priority implements Labelled {
    CRITICAL("Crítica", "Critical"),
    HIGH("Alta", "High"),
    NORMAL("Normal", "Normal");

    private final String es;
    private final String en;

    Priority(String es, String en) {
        this.es = es;
        this.en = en;
    }

    /** Whether this priority is at least as urgent as {@code other}. */
    public boolean atLeast(Priority other) {
        return ordinal() <= other.ordinal();
    }

    @Override
    public String es() {
        return es;
    }

    @Override
    public String en() {
        return en;
    }
}
