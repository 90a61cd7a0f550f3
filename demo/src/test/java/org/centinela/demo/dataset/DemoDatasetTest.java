package org.centinela.demo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Region;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Violation;
import org.junit.jupiter.api.Test;

/** The default demo dataset (2,000 incidents) against the published shares it is modelled on (see {@link Shares}). */
class DemoDatasetTest {

    private static final LocalDate UNTIL = LocalDate.of(2026, 11, 30);
    private static final double POINTS = 0.03;
    private static final List<SyntheticIncident> DATASET = dataset(1, 2000);

    @Test
    void theFiveLargestViolationsAreWithinThreePointsOfFrontLineDefendersShares() {
        Map<Violation, Integer> mentions = new EnumMap<>(Violation.class);
        DATASET.forEach(incident -> incident.body().get("violations")
                .forEach(code -> mentions.merge(Violation.valueOf(code.asText()), 1, Integer::sum)));
        double total = mentions.values().stream().mapToInt(Integer::intValue).sum();

        for (Violation violation : List.of(Violation.ARBITRARY_DETENTION, Violation.CRIMINALISATION,
                Violation.PHYSICAL_ATTACK, Violation.DEATH_THREAT, Violation.SURVEILLANCE)) {
            double share = mentions.getOrDefault(violation, 0) / total;
            assertEquals(Shares.VIOLATIONS.share(violation), share, POINTS, violation + " share of violations");
        }
        Violation largest = mentions.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertEquals(Violation.ARBITRARY_DETENTION, largest);
    }

    @Test
    void moreThanFortyPercentOfIncidentsAreAgainstLandEnvironmentalOrIndigenousDefenders() {
        Set<String> sectors = Set.of("ENVIRONMENTAL", "LAND_AND_TERRITORY", "INDIGENOUS_PEOPLES");
        long landEnvironmentIndigenous = DATASET.stream().filter(incident -> anyOf(incident.body().at("/defenders/sectors"), sectors))
                .count();

        double share = landEnvironmentIndigenous / (double) DATASET.size();
        assertTrue(share > 0.40, "share " + share);
        assertEquals(Shares.LAND_ENVIRONMENT_INDIGENOUS, share, POINTS);
    }

    @Test
    void statePerpetratorsAreTheMostCommonKindAtTheTargetShares() {
        Map<PerpetratorKind, Integer> incidents = new EnumMap<>(PerpetratorKind.class);
        for (SyntheticIncident incident : DATASET) {
            Set<PerpetratorKind> kinds = new HashSet<>();
            incident.body().get("perpetrators").forEach(code -> kinds.add(Perpetrator.valueOf(code.asText()).kind()));
            kinds.forEach(kind -> incidents.merge(kind, 1, Integer::sum));
        }

        for (PerpetratorKind kind : PerpetratorKind.values()) {
            assertEquals(Shares.PERPETRATOR_KINDS.share(kind), incidents.getOrDefault(kind, 0) / (double) DATASET.size(),
                    POINTS, kind + " share of incidents");
        }
        assertTrue(incidents.get(PerpetratorKind.STATE) > incidents.get(PerpetratorKind.NON_STATE));
    }

    @Test
    void everyOneOfPerusTwentySixRegionsHasIncidents() {
        Map<String, Integer> byRegion = new TreeMap<>();
        DATASET.forEach(incident -> byRegion.merge(incident.body().get("region").asText(), 1, Integer::sum));

        List<String> regions = Regions.of("PE").all().stream().map(Region::code).toList();
        assertEquals(26, regions.size());
        regions.forEach(region -> assertTrue(byRegion.getOrDefault(region, 0) >= 10, region + ": " + byRegion.get(region)));
        assertEquals(Set.copyOf(regions), byRegion.keySet(), "no region outside Peru's list");
    }

    @Test
    void incidentsOccurFrom2015UntilTheDatasetsLastDayInEveryYear() {
        Set<Integer> years = new TreeSet<>();
        for (SyntheticIncident incident : DATASET) {
            LocalDate occurredOn = LocalDate.parse(incident.body().get("occurredOn").asText());
            assertTrue(!occurredOn.isBefore(IncidentGenerator.FIRST_DAY) && !occurredOn.isAfter(UNTIL), occurredOn.toString());
            years.add(occurredOn.getYear());
        }
        assertEquals(Set.copyOf(IntStream.rangeClosed(2015, 2026).boxed().toList()), years);
    }

    @Test
    void aFewPercentAreFollowedUpWithUpdatesThatMoveTheirJusticeStatus() {
        List<SyntheticIncident> followed = DATASET.stream().filter(incident -> !incident.justiceSteps().isEmpty()).toList();

        double share = followed.size() / (double) DATASET.size();
        assertEquals(Shares.FOLLOWED_UP, share, 0.02);
        followed.forEach(incident -> assertEquals("COMPLAINT_FILED", incident.justiceSteps().get(0).name(),
                "a case reaches the justice system by a complaint first"));
        assertTrue(followed.stream().anyMatch(incident -> incident.justiceSteps().size() >= 3), "some cases go further");
    }

    @Test
    void theSameSeedGivesTheSameDatasetAndAnotherSeedAnother() {
        List<SyntheticIncident> again = dataset(1, 2000);
        List<SyntheticIncident> other = dataset(2, 2000);

        for (int i = 0; i < DATASET.size(); i++) {
            assertEquals(DATASET.get(i).body(), again.get(i).body(), "incident " + i);
            assertEquals(DATASET.get(i).idempotencyKey(), again.get(i).idempotencyKey());
            assertEquals(DATASET.get(i).justiceSteps(), again.get(i).justiceSteps());
        }
        assertNotEquals(DATASET.get(0).body(), other.get(0).body());
        assertNotEquals(DATASET.get(0).idempotencyKey(), other.get(0).idempotencyKey(),
                "another seed is another dataset, posted beside the first");
    }

    @Test
    void anIncidentIsTheSameWhateverTheSizeOfTheDatasetItIsPartOf() {
        List<SyntheticIncident> small = dataset(1, 10);

        for (int i = 0; i < small.size(); i++) {
            assertEquals(DATASET.get(i).body(), small.get(i).body(), "a larger rerun replays the first incidents");
        }
    }

    private static boolean anyOf(JsonNode codes, Set<String> wanted) {
        for (JsonNode code : codes) {
            if (wanted.contains(code.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<SyntheticIncident> dataset(long seed, int size) {
        IncidentGenerator generator = new IncidentGenerator(seed, UNTIL);
        return IntStream.range(0, size).mapToObj(generator::incident).toList();
    }
}
