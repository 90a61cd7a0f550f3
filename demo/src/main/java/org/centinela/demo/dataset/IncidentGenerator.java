package org.centinela.demo.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.PerpetratorKind;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;

/**
 * The demo dataset: incident {@code index} of seed {@code seed} is always the same body (its own random, seeded from
 * both), whatever the number of incidents asked for, so that a rerun sends equal bodies under the same
 * Idempotency-Keys and the intake answers them as replays. {@code until} is the last day incidents may have
 * occurred on; it is part of the dataset (kept in the demo's state) so that a rerun on a later day is the same too.
 */
public final class IncidentGenerator {

    public static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Regions PERU = Regions.of("PE");
    private static final Set<Violation> ONLINE_VIOLATIONS = Set.of(Violation.DEFAMATION, Violation.DIGITAL_ATTACK,
            Violation.SURVEILLANCE);
    private static final Set<Violation> JUDICIAL_VIOLATIONS = Set.of(Violation.CRIMINALISATION, Violation.ARBITRARY_DETENTION);

    private final long seed;
    private final LocalDate until;

    public IncidentGenerator(long seed, LocalDate until) {
        if (until.isBefore(FIRST_DAY)) {
            throw new IllegalArgumentException("until " + until + " is before " + FIRST_DAY);
        }
        this.seed = seed;
        this.until = until;
    }

    public SyntheticIncident incident(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        ObjectNode body = JSON.createObjectNode();
        long days = until.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        body.put("occurredOn", FIRST_DAY.plusDays(random.nextLong(days)).toString());
        String region = Shares.REGIONS.pick(random);
        body.put("region", region);
        body.put("locality", Texts.locality(random));
        if (random.nextDouble() < 0.6) {
            Places.Centre centre = Places.CENTRES.get(region);
            body.put("latitude", round(centre.latitude() + (random.nextDouble() * 2 - 1) * centre.spread()));
            body.put("longitude", round(centre.longitude() + (random.nextDouble() * 2 - 1) * centre.spread()));
        }
        List<Violation> violations = Shares.VIOLATIONS.pickDistinct(random, Shares.VIOLATIONS_PER_INCIDENT.pick(random));
        codes(body.putArray("violations"), violations);
        codes(body.putArray("perpetrators"), perpetrators(random));

        boolean landEnvironmentIndigenous = random.nextDouble() < Shares.LAND_ENVIRONMENT_INDIGENOUS;
        List<Sector> sectors = sectors(random, landEnvironmentIndigenous);
        int count = defenders(random);
        ObjectNode defenders = body.putObject("defenders");
        defenders.put("count", count);
        defenders.put("women", (int) Math.round(count * (0.2 + random.nextDouble() * 0.4)));
        codes(defenders.putArray("sectors"), sectors);

        List<Context> context = context(random, landEnvironmentIndigenous, violations);
        if (!context.isEmpty()) {
            codes(body.putArray("context"), context);
        }
        body.put("riskOngoing", random.nextDouble() < 0.35);
        boolean spanish = random.nextDouble() < 0.9;
        body.put("language", spanish ? "es" : "en");
        body.put("description", Texts.description(spanish, violations.get(0), sectors.get(0),
                context.isEmpty() ? null : context.get(0), PERU.name(region)));
        if (random.nextBoolean()) {
            ObjectNode confidential = body.putObject("confidential");
            confidential.putArray("victimNames").add("Persona reservada " + (1000 + random.nextInt(9000)));
            confidential.put("contact", "+51 9" + (10_000_000 + random.nextInt(89_999_999)));
            confidential.put("notes", spanish ? "Contactar solo por canal seguro." : "Contact through a secure channel only.");
        }
        List<JusticeStatus> steps = random.nextDouble() < Shares.FOLLOWED_UP ? Shares.JUSTICE_PATHS.pick(random) : List.of();
        return new SyntheticIncident(index, "demo-" + seed + "-" + index, body, steps);
    }

    private static List<Perpetrator> perpetrators(SplittableRandom random) {
        PerpetratorKind kind = Shares.PERPETRATOR_KINDS.pick(random);
        if (kind == PerpetratorKind.UNKNOWN) {
            return List.of(Perpetrator.UNKNOWN);
        }
        Weighted<Perpetrator> table = kind == PerpetratorKind.STATE ? Shares.STATE_PERPETRATORS : Shares.NON_STATE_PERPETRATORS;
        return table.pickDistinct(random, random.nextDouble() < 0.3 ? 2 : 1);
    }

    private static List<Sector> sectors(SplittableRandom random, boolean landEnvironmentIndigenous) {
        List<Sector> sectors = new ArrayList<>();
        if (landEnvironmentIndigenous) {
            sectors.addAll(Shares.LAND_ENVIRONMENT_INDIGENOUS_SECTORS.pickDistinct(random, random.nextDouble() < 0.35 ? 2 : 1));
            if (random.nextDouble() < 0.15) {
                sectors.add(Sector.COMMUNITY_LEADER);
            }
        } else {
            sectors.addAll(Shares.OTHER_SECTORS.pickDistinct(random, random.nextDouble() < 0.2 ? 2 : 1));
        }
        return sectors;
    }

    /** Mostly one defender; sometimes a family or a group; now and then a whole community. */
    private static int defenders(SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < 0.5) {
            return 1;
        } else if (draw < 0.85) {
            return 2 + random.nextInt(4);
        } else if (draw < 0.98) {
            return 6 + random.nextInt(25);
        }
        return 31 + random.nextInt(120);
    }

    private static List<Context> context(SplittableRandom random, boolean landEnvironmentIndigenous, List<Violation> violations) {
        Set<Context> context = new LinkedHashSet<>();
        if (landEnvironmentIndigenous) {
            double draw = random.nextDouble();
            if (draw < 0.45) {
                context.add(Context.EXTRACTIVE_PROJECT);
            } else if (draw < 0.75) {
                context.add(Context.LAND_CONFLICT);
            } else if (draw < 0.85) {
                context.add(Context.INFRASTRUCTURE_PROJECT);
            }
        }
        if (random.nextDouble() < 0.3) {
            context.add(Context.PROTEST);
        }
        if (violations.stream().anyMatch(JUDICIAL_VIOLATIONS::contains) && random.nextDouble() < 0.4) {
            context.add(Context.JUDICIAL_PROCESS);
        }
        if (violations.stream().anyMatch(ONLINE_VIOLATIONS::contains) && random.nextDouble() < 0.4) {
            context.add(Context.ONLINE);
        }
        if (random.nextDouble() < 0.03) {
            context.add(Context.ELECTIONS);
        }
        return List.copyOf(context);
    }

    private static void codes(ArrayNode array, List<? extends Enum<?>> codes) {
        codes.forEach(code -> array.add(code.name()));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1000) / 1000.0;
    }

    /** Stafford's mix13 of SplittableRandom: nearby (seed, index) pairs give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
