package org.centinela.contract.vocabulary;

/** The circumstances in which an incident happened. */
public enum Context implements Labelled {
    PROTEST("Protesta", "Protest"),
    EXTRACTIVE_PROJECT("Proyecto extractivo", "Extractive project"),
    INFRASTRUCTURE_PROJECT("Proyecto de infraestructura", "Infrastructure project"),
    LAND_CONFLICT("Conflicto por la tierra", "Land conflict"),
    ELECTIONS("Elecciones", "Elections"),
    JUDICIAL_PROCESS("Proceso judicial", "Judicial process"),
    ONLINE("En línea", "Online"),
    OTHER("Otro", "Other");

    private final String es;
    private final String en;

    Context(String es, String en) {
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
