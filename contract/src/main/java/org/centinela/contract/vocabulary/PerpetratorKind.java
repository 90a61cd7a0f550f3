package org.centinela.contract.vocabulary;

/** Whether a perpetrator acts for the State; the distinction advocacy reports lead with. */
public enum PerpetratorKind implements Labelled {
    STATE,
    NON_STATE,
    UNKNOWN;
}
