package org.centinela.demo.dataset;

import static org.centinela.contract.vocabulary.Violation.*;

import java.util.List;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;

/**
 * The target shares of the synthetic dataset, so that the demo's dashboard looks like the published figures it is
 * modelled on. They are not data about real cases: every incident the demo posts is invented.
 */
public final class Shares {

    /**
     * Share of each violation among all violations reported. The five largest are Front Line Defenders' Global
     * Analysis 2022 (violations reported to FLD in 2022): arrest and detention 19.5 %, legal action 14.2 %,
     * physical attack 12.8 %, death threats 10.9 %, surveillance 9.6 %. FLD does not break the remaining third down
     * in our categories; it is spread here over the others, with killings and the other CRITICAL violations rare.
     * An incident's violations are distinct, which lowers the largest shares a little in the dataset (arbitrary
     * detention comes out near 17 % of 2,000 incidents' violations; DemoDatasetTest allows 3 points).
     */
    public static final Weighted<Violation> VIOLATIONS = Weighted.<Violation>builder()
            .add(ARBITRARY_DETENTION, 19.5)
            .add(CRIMINALISATION, 14.2)
            .add(PHYSICAL_ATTACK, 12.8)
            .add(DEATH_THREAT, 10.9)
            .add(SURVEILLANCE, 9.6)
            .add(THREAT_OR_INTIMIDATION, 6.0)
            .add(HARASSMENT, 5.0)
            .add(DEFAMATION, 5.0)
            .add(EXCESSIVE_FORCE_AT_PROTEST, 3.0)
            .add(KILLING, 2.5)
            .add(RAID_OR_BREAK_IN, 2.0)
            .add(RESTRICTION_OF_ASSEMBLY_OR_EXPRESSION, 2.0)
            .add(PROPERTY_DESTRUCTION, 1.5)
            .add(DIGITAL_ATTACK, 1.5)
            .add(ATTEMPTED_KILLING, 1.0)
            .add(FORCED_DISPLACEMENT, 1.0)
            .add(ABDUCTION, 0.5)
            .add(ENFORCED_DISAPPEARANCE, 0.5)
            .add(TORTURE_OR_ILL_TREATMENT, 0.5)
            .add(SEXUAL_VIOLENCE, 0.5)
            .add(OTHER, 0.5)
            .build();

    /** How many violations one incident carries (FLD counts several per case where they happened together). */
    public static final Weighted<Integer> VIOLATIONS_PER_INCIDENT = Weighted.<Integer>builder()
            .add(1, 55).add(2, 33).add(3, 12).build();

    /**
     * Share of incidents whose defenders work on land, the environment or indigenous peoples' rights: more than 40 %.
     * Front Line Defenders' Global Analysis names them the most targeted sector year after year (48 % of the
     * defenders killed in 2022, 40 % in 2019); Peru's Coordinadora Nacional de Derechos Humanos (CNDDHH) documents
     * the same sectors as the most attacked in Peru.
     */
    public static final double LAND_ENVIRONMENT_INDIGENOUS = 0.45;

    static final Weighted<Sector> LAND_ENVIRONMENT_INDIGENOUS_SECTORS = Weighted.<Sector>builder()
            .add(Sector.ENVIRONMENTAL, 40).add(Sector.LAND_AND_TERRITORY, 30).add(Sector.INDIGENOUS_PEOPLES, 30).build();

    static final Weighted<Sector> OTHER_SECTORS = Weighted.<Sector>builder()
            .add(Sector.JOURNALIST, 20)
            .add(Sector.COMMUNITY_LEADER, 15)
            .add(Sector.WOMEN_RIGHTS, 12)
            .add(Sector.LAWYER, 10)
            .add(Sector.LABOUR_RIGHTS, 10)
            .add(Sector.VICTIMS_TRUTH_JUSTICE, 10)
            .add(Sector.STUDENT, 8)
            .add(Sector.OTHER, 6)
            .add(Sector.LGBTI_RIGHTS, 5)
            .add(Sector.AFRO_DESCENDANT, 4)
            .build();

    /**
     * Kind of the alleged perpetrators of an incident: in Peru, State agents (police, prosecutors and judges, local
     * and national authorities) are the most frequent, as CNDDHH's reports on defenders find; companies, their
     * security and illegal mining and logging come next. One kind per incident.
     */
    public static final Weighted<PerpetratorKind> PERPETRATOR_KINDS = Weighted.<PerpetratorKind>builder()
            .add(PerpetratorKind.STATE, 55).add(PerpetratorKind.NON_STATE, 35).add(PerpetratorKind.UNKNOWN, 10).build();

    static final Weighted<Perpetrator> STATE_PERPETRATORS = Weighted.<Perpetrator>builder()
            .add(Perpetrator.POLICE, 40)
            .add(Perpetrator.JUDICIARY_OR_PROSECUTION, 25)
            .add(Perpetrator.LOCAL_AUTHORITY, 12)
            .add(Perpetrator.ARMED_FORCES, 10)
            .add(Perpetrator.NATIONAL_GOVERNMENT, 8)
            .add(Perpetrator.CONGRESS, 5)
            .build();

    static final Weighted<Perpetrator> NON_STATE_PERPETRATORS = Weighted.<Perpetrator>builder()
            .add(Perpetrator.COMPANY, 25)
            .add(Perpetrator.ILLEGAL_ECONOMY_GROUP, 25)
            .add(Perpetrator.PRIVATE_SECURITY, 15)
            .add(Perpetrator.MEDIA, 10)
            .add(Perpetrator.PRIVATE_INDIVIDUAL, 10)
            .add(Perpetrator.LANDOWNER, 8)
            .add(Perpetrator.COMMUNITY_MEMBERS, 7)
            .build();

    /**
     * Where incidents happen. Illustrative weights, higher where the Defensoría del Pueblo's monthly reports on
     * social conflicts place most socio-environmental conflicts (Áncash, Apurímac, Cusco, Puno, Cajamarca) and in
     * the Amazon regions where CNDDHH documents killings of indigenous defenders (Ucayali, Huánuco, Loreto, Junín,
     * Madre de Dios); every one of the 26 regions has some.
     */
    public static final Weighted<String> REGIONS = Weighted.<String>builder()
            .add("PE-ANC", 7).add("PE-CUS", 7).add("PE-PUN", 7).add("PE-APU", 6).add("PE-CAJ", 7)
            .add("PE-LOR", 7).add("PE-UCA", 7).add("PE-HUC", 6).add("PE-JUN", 5).add("PE-MDD", 4)
            .add("PE-LMA", 7).add("PE-LIM", 3).add("PE-AMA", 4).add("PE-SAM", 4).add("PE-PAS", 4)
            .add("PE-AYA", 4).add("PE-PIU", 4).add("PE-ARE", 3).add("PE-HUV", 2).add("PE-ICA", 2)
            .add("PE-LAL", 2).add("PE-LAM", 2).add("PE-MOQ", 2).add("PE-TAC", 1).add("PE-TUM", 1).add("PE-CAL", 1)
            .build();

    /** Share of incidents followed up with updates that move their justice status (complaint, investigation…). */
    public static final double FOLLOWED_UP = 0.06;

    /** The justice status paths of the incidents followed up, one update per step. */
    static final Weighted<List<JusticeStatus>> JUSTICE_PATHS = Weighted.<List<JusticeStatus>>builder()
            .add(List.of(JusticeStatus.COMPLAINT_FILED), 50)
            .add(List.of(JusticeStatus.COMPLAINT_FILED, JusticeStatus.UNDER_INVESTIGATION), 25)
            .add(List.of(JusticeStatus.COMPLAINT_FILED, JusticeStatus.UNDER_INVESTIGATION,
                    JusticeStatus.ARCHIVED_WITHOUT_SANCTION), 12)
            .add(List.of(JusticeStatus.COMPLAINT_FILED, JusticeStatus.UNDER_INVESTIGATION,
                    JusticeStatus.CHARGES_FILED), 8)
            .add(List.of(JusticeStatus.COMPLAINT_FILED, JusticeStatus.UNDER_INVESTIGATION,
                    JusticeStatus.CHARGES_FILED, JusticeStatus.CONVICTION), 3)
            .add(List.of(JusticeStatus.COMPLAINT_FILED, JusticeStatus.UNDER_INVESTIGATION,
                    JusticeStatus.CHARGES_FILED, JusticeStatus.ACQUITTAL), 2)
            .build();

    private Shares() {
    }
}
