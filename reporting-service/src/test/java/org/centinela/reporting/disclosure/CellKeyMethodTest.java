package org.centinela.reporting.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cell-key method's rules as tables, and its accuracy cost on a synthetic dataset (README "Accuracy"). */
class CellKeyMethodTest {

    static final CellKeyMethod METHOD = new CellKeyMethod(3);
    static final RecordKeys KEYS = new RecordKeys("test-secret");

    @ParameterizedTest(name = "noise {0} has probability {1} ± 0.005")
    @CsvSource({"0, 0.600", "1, 0.150", "-1, 0.150", "2, 0.0375", "-2, 0.0375", "3, 0.0094", "-3, 0.0094", "12, 0.0",
            "13, 0.0"})
    void theTableIsATwoSidedGeometricDistributionWithTailsToTwelve(int noise, double probability) {
        assertEquals(probability, PerturbationTable.probability(noise), 0.005);
    }

    @Test
    void theTableIsSymmetricSumsToOneAndHasMeanZeroAndVarianceBelowOne() {
        double total = 0;
        double mean = 0;
        double variance = 0;
        for (int d = -PerturbationTable.MAX_NOISE; d <= PerturbationTable.MAX_NOISE; d++) {
            double p = PerturbationTable.probability(d);
            assertTrue(p > 0, "every noise up to the bound is possible: " + d);
            assertEquals(p, PerturbationTable.probability(-d), 1e-9);
            total += p;
            mean += p * d;
            variance += p * d * d;
        }
        assertEquals(1.0, total, 1e-9);
        assertEquals(0.0, mean, 1e-9);
        assertEquals(0.89, variance, 0.01);
        assertEquals(-PerturbationTable.MAX_NOISE, PerturbationTable.noise(0));
        assertEquals(PerturbationTable.MAX_NOISE, PerturbationTable.noise(RecordKeys.MODULUS - 1));
        assertEquals(PerturbationTable.noise(5), PerturbationTable.noise(5 + RecordKeys.MODULUS), "keys are taken mod 2^32");
    }

    @ParameterizedTest(name = "n={0} with key sum {1} → {2}")
    @CsvSource({
            "0, 0, -1", "1, 123456789, -1", "2, 4000000000, -1",   // below k: always small, whatever the key
            "3, 2147483648, 3",                                    // the middle of the table: noise 0
            "3, 0, -1",                                            // 3 - 12 falls below k: small
            "40, 0, 28", "40, 4294967295, 52"})                    // the ends of the table
    void aCountIsPerturbedByItsKeySumAndIsSmallBelowK(long n, long keySum, long published) {
        assertEquals(published, METHOD.perturbed(n, keySum));
    }

    @Test
    void theSameRecordsGetTheSameValueAndARecordKeyIsAFunctionOfTheIdAndTheSecret() {
        UUID id = UUID.randomUUID();
        assertEquals(KEYS.of(id), new RecordKeys("test-secret").of(id));
        assertNotEquals(KEYS.of(id), new RecordKeys("another-secret").of(id));
        assertTrue(KEYS.of(id) >= 0 && KEYS.of(id) < RecordKeys.MODULUS);
        long keySum = 0;
        for (int i = 0; i < 20; i++) {
            keySum += KEYS.of(UUID.randomUUID());
        }
        Coins coins = new Coins(KEYS.seed("SUMMARY?from=2011-01-01&"));
        assertEquals(METHOD.shown(20, keySum, coins, "byRegion.PE-PUN"), METHOD.shown(20, keySum, coins, "byRegion.PE-PUN"));
    }

    @Test
    void aSmallCellIsNullForAQuarterOfTheCoinsWhateverItsCountSoNeitherZeroNorNullProvesAnything() {
        for (long n = 0; n < 3; n++) {
            int nulls = 0;
            for (int seed = 0; seed < 20_000; seed++) {
                if (METHOD.shown(n, 987654321L * n, new Coins(KEYS.seed("q" + seed)), "byViolation.KILLING") == null) {
                    nulls++;
                }
            }
            assertEquals(Coins.HIDE, nulls / 20_000.0, 0.01, "n=" + n);
        }
    }

    /**
     * The accuracy cost, measured: 5,000 synthetic incidents with one of 26 regions and one or two of 21 violations
     * over 12 months (Zipf-like weights, as real data is skewed), every region × violation × month cell and every
     * region × violation cell published as a viewer sees it.
     */
    @Test
    void onASyntheticDatasetCountsOfAtLeastTenAreOffByAboutHalfAnIncidentOnAverage() {
        Random random = new Random(20261201);
        Map<String, long[]> cells = new HashMap<>(); // count, key sum
        for (int i = 0; i < 5_000; i++) {
            long key = KEYS.of(new UUID(random.nextLong(), random.nextLong()));
            int region = zipf(random, 26);
            int month = random.nextInt(12);
            List<Integer> violations = new ArrayList<>(List.of(zipf(random, 21)));
            if (random.nextInt(3) == 0) {
                violations.add(zipf(random, 21));
            }
            for (int violation : violations.stream().distinct().toList()) {
                for (String cell : List.of(region + "|" + violation + "|" + month, region + "|" + violation)) {
                    long[] value = cells.computeIfAbsent(cell, c -> new long[2]);
                    value[0]++;
                    value[1] += key;
                }
            }
        }
        double absolute = 0;
        double relative = 0;
        int large = 0;
        int hiddenLarge = 0;
        for (long[] cell : cells.values()) {
            if (cell[0] < 10) {
                continue;
            }
            long published = METHOD.perturbed(cell[0], cell[1]);
            if (published < 0) {
                hiddenLarge++;
                continue;
            }
            absolute += Math.abs(published - cell[0]);
            relative += Math.abs(published - cell[0]) / (double) cell[0];
            large++;
        }
        double mae = absolute / large;
        System.out.printf("accuracy: %d cells with n >= 10: mean absolute error %.3f, mean relative error %.2f %%, "
                + "%d of them shown small%n", large, mae, 100 * relative / large, hiddenLarge);
        assertEquals(0, hiddenLarge);
        assertTrue(mae > 0.45 && mae < 0.6, "mean absolute error " + mae);
    }

    private static int zipf(Random random, int keys) {
        double total = 0;
        for (int i = 1; i <= keys; i++) {
            total += 1.0 / i;
        }
        double u = random.nextDouble() * total;
        for (int i = 1; i <= keys; i++) {
            u -= 1.0 / i;
            if (u <= 0) {
                return i - 1;
            }
        }
        return keys - 1;
    }
}
