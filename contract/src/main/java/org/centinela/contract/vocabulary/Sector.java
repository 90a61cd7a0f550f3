package org.centinela.contract.vocabulary;

/** The field in which the attacked defenders work. */
public enum Sector implements Labelled {
    ENVIRONMENTAL,
    LAND_AND_TERRITORY,
    INDIGENOUS_PEOPLES,
    AFRO_DESCENDANT,
    JOURNALIST,
    WOMEN_RIGHTS,
    LGBTI_RIGHTS,
    LABOUR_RIGHTS,
    LAWYER,
    COMMUNITY_LEADER,
    VICTIMS_TRUTH_JUSTICE,
    STUDENT,
    OTHER;
}
