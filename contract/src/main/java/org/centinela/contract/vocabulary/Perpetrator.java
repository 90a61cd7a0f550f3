package org.centinela.contract.vocabulary;

import static org.centinela.contract.vocabulary.PerpetratorKind.NON_STATE;
import static org.centinela.contract.vocabulary.PerpetratorKind.STATE;

/** Alleged perpetrators, each of one {@link PerpetratorKind}. */
public enum Perpetrator implements Labelled {
    POLICE(STATE),
    ARMED_FORCES(STATE),
    JUDICIARY_OR_PROSECUTION(STATE),
    NATIONAL_GOVERNMENT(STATE),
    LOCAL_AUTHORITY(STATE),
    CONGRESS(STATE),
    COMPANY(NON_STATE),
    PRIVATE_SECURITY(NON_STATE),
    ILLEGAL_ECONOMY_GROUP(NON_STATE),
    LANDOWNER(NON_STATE),
    COMMUNITY_MEMBERS(NON_STATE),
    MEDIA(NON_STATE),
    PRIVATE_INDIVIDUAL(NON_STATE),
    UNKNOWN(PerpetratorKind.UNKNOWN);

    private final PerpetratorKind kind;

    Perpetrator(PerpetratorKind kind) {
        this.kind = kind;
    }

    public PerpetratorKind kind() {
        return kind;
    }
}
