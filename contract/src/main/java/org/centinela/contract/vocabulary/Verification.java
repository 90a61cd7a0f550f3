package org.centinela.contract.vocabulary;

/** How far the coalition has verified an incident; every incident starts {@link #UNVERIFIED}. */
public enum Verification implements Labelled {
    UNVERIFIED("No verificado", "Unverified"),
    CONFIRMED("Confirmado", "Confirmed"),
    LIKELY("Probable", "Likely"),
    POSSIBLE("Posible", "Possible"),
    UNLIKELY("Improbable", "Unlikely"),
    REJECTED("Descartado", "Rejected");

    private final String es;
    private final String en;

    Verification(String es, String en) {
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
