package org.centinela.contract.vocabulary;

/** Kinds of violation against a defender, after the HURIDOCS micro-thesauri and Front Line Defenders' categories. */
public enum Violation implements Labelled {
    KILLING("Asesinato", "Killing"),
    ATTEMPTED_KILLING("Intento de asesinato", "Attempted killing"),
    ENFORCED_DISAPPEARANCE("Desaparición forzada", "Enforced disappearance"),
    ABDUCTION("Secuestro", "Abduction"),
    PHYSICAL_ATTACK("Agresión física", "Physical attack"),
    SEXUAL_VIOLENCE("Violencia sexual", "Sexual violence"),
    TORTURE_OR_ILL_TREATMENT("Tortura o malos tratos", "Torture or ill-treatment"),
    DEATH_THREAT("Amenaza de muerte", "Death threat"),
    THREAT_OR_INTIMIDATION("Amenaza o intimidación", "Threat or intimidation"),
    HARASSMENT("Hostigamiento", "Harassment"),
    ARBITRARY_DETENTION("Detención arbitraria", "Arbitrary detention"),
    CRIMINALISATION("Criminalización (acción legal, hostigamiento judicial)", "Criminalisation (legal action, judicial harassment)"),
    DEFAMATION("Difamación (estigmatización)", "Defamation (smear, stigmatisation)"),
    SURVEILLANCE("Vigilancia", "Surveillance"),
    RAID_OR_BREAK_IN("Allanamiento o irrupción", "Raid or break-in"),
    PROPERTY_DESTRUCTION("Destrucción de bienes", "Property destruction"),
    EXCESSIVE_FORCE_AT_PROTEST("Uso excesivo de la fuerza en protesta", "Excessive force at protest"),
    FORCED_DISPLACEMENT("Desplazamiento forzado", "Forced displacement"),
    DIGITAL_ATTACK("Ataque digital", "Digital attack"),
    RESTRICTION_OF_ASSEMBLY_OR_EXPRESSION("Restricción de la reunión o la expresión", "Restriction of assembly or expression"),
    OTHER("Otra", "Other");

    private final String es;
    private final String en;

    Violation(String es, String en) {
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
