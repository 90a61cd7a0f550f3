package org.centinela.contract.vocabulary;

/** Whether a perpetrator acts for the State; the distinction advocacy reports lead with. */
public enum PerpetratorKind implements Labelled {
    STATE("Estatal", "State"),
    NON_STATE("No estatal", "Non-State"),
    UNKNOWN("Desconocido", "Unknown");

    private final String es;
    private final String en;

    PerpetratorKind(String es, String en) {
        this.es = es;
        this.en = en;
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
