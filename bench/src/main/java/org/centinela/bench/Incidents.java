package org.centinela.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid incident bodies (SPEC §4) of about 1 KB: random codes from the vocabularies, a region among the 26 of
 * Peru, a description of ~700 characters and a small confidential part. Dates from 2016 on unless a date is
 * given, so that they never collide with the 1990–2015 days that stats-freshness counts one by one.
 */
final class Incidents {

    static final List<String> REGIONS = List.of("PE-AMA", "PE-ANC", "PE-APU", "PE-ARE", "PE-AYA", "PE-CAJ",
            "PE-CAL", "PE-CUS", "PE-HUC", "PE-HUV", "PE-ICA", "PE-JUN", "PE-LAL", "PE-LAM", "PE-LIM", "PE-LMA",
            "PE-LOR", "PE-MDD", "PE-MOQ", "PE-PAS", "PE-PIU", "PE-PUN", "PE-SAM", "PE-TAC", "PE-TUM", "PE-UCA");
    static final List<String> VIOLATIONS = List.of("KILLING", "ATTEMPTED_KILLING", "ENFORCED_DISAPPEARANCE",
            "ABDUCTION", "PHYSICAL_ATTACK", "SEXUAL_VIOLENCE", "TORTURE_OR_ILL_TREATMENT", "DEATH_THREAT",
            "THREAT_OR_INTIMIDATION", "HARASSMENT", "ARBITRARY_DETENTION", "CRIMINALISATION", "DEFAMATION",
            "SURVEILLANCE", "RAID_OR_BREAK_IN", "PROPERTY_DESTRUCTION", "EXCESSIVE_FORCE_AT_PROTEST",
            "FORCED_DISPLACEMENT", "DIGITAL_ATTACK", "RESTRICTION_OF_ASSEMBLY_OR_EXPRESSION", "OTHER");
    static final List<String> PERPETRATORS = List.of("POLICE", "ARMED_FORCES", "JUDICIARY_OR_PROSECUTION",
            "NATIONAL_GOVERNMENT", "LOCAL_AUTHORITY", "CONGRESS", "COMPANY", "PRIVATE_SECURITY",
            "ILLEGAL_ECONOMY_GROUP", "LANDOWNER", "COMMUNITY_MEMBERS", "MEDIA", "PRIVATE_INDIVIDUAL", "UNKNOWN");
    static final List<String> SECTORS = List.of("ENVIRONMENTAL", "LAND_AND_TERRITORY", "INDIGENOUS_PEOPLES",
            "AFRO_DESCENDANT", "JOURNALIST", "WOMEN_RIGHTS", "LGBTI_RIGHTS", "LABOUR_RIGHTS", "LAWYER",
            "COMMUNITY_LEADER", "VICTIMS_TRUTH_JUSTICE", "STUDENT", "OTHER");
    static final List<String> CONTEXT = List.of("PROTEST", "EXTRACTIVE_PROJECT", "INFRASTRUCTURE_PROJECT",
            "LAND_CONFLICT", "ELECTIONS", "JUDICIAL_PROCESS", "ONLINE", "OTHER");
    static final List<String> VERIFICATION = List.of("UNVERIFIED", "CONFIRMED", "LIKELY", "POSSIBLE",
            "UNLIKELY", "REJECTED");
    static final List<String> JUSTICE_STATUS = List.of("NOT_REPORTED", "COMPLAINT_FILED", "UNDER_INVESTIGATION",
            "CHARGES_FILED", "CONVICTION", "ACQUITTAL", "ARCHIVED_WITHOUT_SANCTION");
    /** Violations that make an incident CRITICAL under the default rules (SPEC §5). */
    static final List<String> CRITICAL = List.of("KILLING", "ATTEMPTED_KILLING", "ENFORCED_DISAPPEARANCE",
            "ABDUCTION", "SEXUAL_VIOLENCE", "TORTURE_OR_ILL_TREATMENT");

    static final LocalDate FIRST_BACKGROUND_DAY = LocalDate.of(2016, 1, 1);

    private static final String TEXT = "Durante la movilización pacífica contra el proyecto minero, un grupo de "
            + "hombres sin identificar interceptó a los defensores ambientales cuando regresaban a su comunidad. "
            + "Según los testimonios recogidos por la organización, los agresores los golpearon, destruyeron sus "
            + "teléfonos y les advirtieron que no volvieran a participar en las asambleas comunales. Dos de ellos "
            + "fueron atendidos en el centro de salud local. La comunidad ha denunciado hostigamientos similares "
            + "desde el inicio de la consulta previa y teme nuevas represalias contra sus dirigentes, en especial "
            + "contra las mujeres que encabezan la defensa del agua y del territorio. ";

    private Incidents() {
    }

    /** A random valid incident that occurred on a random day from 2016 until yesterday. */
    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return body(backgroundDay(), pick(VIOLATIONS, 1 + random.nextInt(3)), random.nextBoolean());
    }

    /** An incident that is CRITICAL by the default rules, so every team with minPriority HIGH is alerted. */
    static String urgent() {
        return body(backgroundDay(), List.of("KILLING", "DEATH_THREAT"), true);
    }

    static String onDay(LocalDate day) {
        return body(day, pick(VIOLATIONS, 2), false);
    }

    static LocalDate backgroundDay() {
        LocalDate yesterday = LocalDate.now().minusDays(2);
        long span = yesterday.toEpochDay() - FIRST_BACKGROUND_DAY.toEpochDay();
        return FIRST_BACKGROUND_DAY.plusDays(ThreadLocalRandom.current().nextLong(span));
    }

    static String body(LocalDate occurredOn, List<String> violations, boolean riskOngoing) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ObjectNode body = Json.object();
        body.put("occurredOn", occurredOn.toString());
        body.put("region", REGIONS.get(random.nextInt(REGIONS.size())));
        body.put("locality", "Localidad " + random.nextInt(1000));
        body.put("latitude", Math.round((-18 + random.nextDouble() * 18) * 1000) / 1000.0);
        body.put("longitude", Math.round((-81 + random.nextDouble() * 12) * 1000) / 1000.0);
        array(body, "violations", violations);
        array(body, "perpetrators", pick(PERPETRATORS, 1 + random.nextInt(2)));
        int count = 1 + random.nextInt(20);
        ObjectNode defenders = body.putObject("defenders");
        defenders.put("count", count);
        defenders.put("women", random.nextInt(count + 1));
        array(defenders, "sectors", pick(SECTORS, 1 + random.nextInt(2)));
        array(body, "context", pick(CONTEXT, 1 + random.nextInt(2)));
        body.put("riskOngoing", riskOngoing);
        body.put("language", "es");
        int offset = random.nextInt(TEXT.length() / 2);
        body.put("description", (TEXT + TEXT).substring(offset, offset + 690) + " #" + random.nextInt(1_000_000));
        ObjectNode confidential = body.putObject("confidential");
        confidential.putArray("victimNames").add("Persona " + random.nextInt(100_000));
        confidential.put("contact", "+51 9" + (10_000_000 + random.nextInt(89_999_999)));
        confidential.put("notes", "Contactar solo por canal seguro.");
        return Json.write(body);
    }

    static List<String> pick(List<String> codes, int n) {
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return shuffled.subList(0, n);
    }

    private static void array(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
