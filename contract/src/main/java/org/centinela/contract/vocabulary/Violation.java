package org.centinela.contract.vocabulary;

/** Kinds of violation against a defender, after the HURIDOCS micro-thesauri and Front Line Defenders' categories. */
public enum Violation implements Labelled {
    KILLING,
    ATTEMPTED_KILLING,
    ENFORCED_DISAPPEARANCE,
    ABDUCTION,
    PHYSICAL_ATTACK,
    SEXUAL_VIOLENCE,
    TORTURE_OR_ILL_TREATMENT,
    DEATH_THREAT,
    THREAT_OR_INTIMIDATION,
    HARASSMENT,
    ARBITRARY_DETENTION,
    CRIMINALISATION,
    DEFAMATION,
    SURVEILLANCE,
    RAID_OR_BREAK_IN,
    PROPERTY_DESTRUCTION,
    EXCESSIVE_FORCE_AT_PROTEST,
    FORCED_DISPLACEMENT,
    DIGITAL_ATTACK,
    RESTRICTION_OF_ASSEMBLY_OR_EXPRESSION,
    OTHER;
}
