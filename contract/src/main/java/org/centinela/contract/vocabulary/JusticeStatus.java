package org.centinela.contract.vocabulary;

/** Where the case stands before the justice system; every incident starts {@link #NOT_REPORTED}. */
public enum JusticeStatus implements Labelled {
    NOT_REPORTED,
    COMPLAINT_FILED,
    UNDER_INVESTIGATION,
    CHARGES_FILED,
    CONVICTION,
    ACQUITTAL,
    ARCHIVED_WITHOUT_SANCTION;
}
