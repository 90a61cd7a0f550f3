package org.centinela.contract.vocabulary;

import static org.centinela.contract.vocabulary.PerpetratorKind.NON_STATE;
import static org.centinela.contract.vocabulary.PerpetratorKind.STATE;

/** Alleged perpetrators, each of one {@link PerpetratorKind}. */
public enum Perpetrator implements Labelled {
    POLICE(STATE, "Policía", "Police"),
    ARMED_FORCES(STATE, "Fuerzas Armadas", "Armed forces"),
    JUDICIARY_OR_PROSECUTION(STATE, "Poder Judicial o Fiscalía", "Judiciary or prosecution"),
    NATIONAL_GOVERNMENT(STATE, "Gobierno nacional", "National government"),
    LOCAL_AUTHORITY(STATE, "Autoridad local o regional", "Local authority"),
    CONGRESS(STATE, "Congreso", "Congress"),
    COMPANY(NON_STATE, "Empresa", "Company"),
    PRIVATE_SECURITY(NON_STATE, "Seguridad privada", "Private security"),
    ILLEGAL_ECONOMY_GROUP(NON_STATE, "Grupo de economía ilegal (minería, tala, narcotráfico)",
            "Illegal economy group (mining, logging, drug trafficking)"),
    LANDOWNER(NON_STATE, "Terrateniente", "Landowner"),
    COMMUNITY_MEMBERS(NON_STATE, "Miembros de la comunidad", "Community members"),
    MEDIA(NON_STATE, "Medios de comunicación", "Media"),
    PRIVATE_INDIVIDUAL(NON_STATE, "Particular", "Private individual"),
    UNKNOWN(PerpetratorKind.UNKNOWN, "Desconocido", "Unknown");

    private final PerpetratorKind kind;
    private final String es;
    private final String en;

    Perpetrator(PerpetratorKind kind, String es, String en) {
        this.kind = kind;
        this.es = es;
        this.en = en;
    }

    public PerpetratorKind kind() {
        return kind;
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
