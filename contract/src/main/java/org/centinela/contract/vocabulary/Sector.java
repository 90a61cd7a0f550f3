package org.centinela.contract.vocabulary;

/** The field in which the attacked defenders work. */
public enum Sector implements Labelled {
    ENVIRONMENTAL("Ambiental", "Environmental"),
    LAND_AND_TERRITORY("Tierra y territorio", "Land and territory"),
    INDIGENOUS_PEOPLES("Pueblos indígenas", "Indigenous peoples"),
    AFRO_DESCENDANT("Afrodescendiente", "Afro-descendant"),
    JOURNALIST("Periodista", "Journalist"),
    WOMEN_RIGHTS("Derechos de las mujeres", "Women's rights"),
    LGBTI_RIGHTS("Derechos LGBTI", "LGBTI rights"),
    LABOUR_RIGHTS("Derechos laborales", "Labour rights"),
    LAWYER("Abogado o abogada", "Lawyer"),
    COMMUNITY_LEADER("Dirigente comunal", "Community leader"),
    VICTIMS_TRUTH_JUSTICE("Víctimas, verdad y justicia", "Victims, truth and justice"),
    STUDENT("Estudiante", "Student"),
    OTHER("Otro", "Other");

    private final String es;
    private final String en;

    Sector(String es, String en) {
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
