package org.centinela.contract.vocabulary;

/** Where the case stands before the justice system; every incident starts {@link #NOT_REPORTED}. */
public enum JusticeStatus implements Labelled {
    NOT_REPORTED("No denunciado", "Not reported"),
    COMPLAINT_FILED("Denuncia presentada", "Complaint filed"),
    UNDER_INVESTIGATION("En investigación", "Under investigation"),
    CHARGES_FILED("Acusación formulada", "Charges filed"),
    CONVICTION("Condena", "Conviction"),
    ACQUITTAL("Absolución", "Acquittal"),
    ARCHIVED_WITHOUT_SANCTION("Archivado sin sanción", "Archived without sanction");

    private final String es;
    private final String en;

    JusticeStatus(String es, String en) {
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
