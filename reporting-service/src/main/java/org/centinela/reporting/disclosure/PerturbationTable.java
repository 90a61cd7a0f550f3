package org.centinela.reporting.disclosure;

/**
 * The fixed perturbation table of the cell-key method (after the ABS TableBuilder): a cell key in [0, 2^32) is
 * looked up to a noise d in [-MAX_NOISE, MAX_NOISE] with P(d) ∝ ALPHA^|d| (a truncated two-sided geometric
 * distribution): P(0) ≈ 0.60, P(±1) ≈ 0.15 each, P(±2) ≈ 0.04 each, variance ≈ 0.89, mean |d| ≈ 0.53. The tails
 * reach ±12 with a probability of about 4·10⁻⁸ each, so a reader can never rule a neighbouring value out from the
 * bound alone, which a table capped at ±2 would allow after a few hundred differences.
 */
public final class PerturbationTable {

    public static final int MAX_NOISE = 12;
    public static final double ALPHA = 0.25;

    /** UPPER[i]: the first key past noise i - MAX_NOISE (keys below UPPER[0] get -MAX_NOISE). */
    private static final long[] UPPER = new long[2 * MAX_NOISE + 1];

    static {
        double total = 0;
        for (int d = -MAX_NOISE; d <= MAX_NOISE; d++) {
            total += Math.pow(ALPHA, Math.abs(d));
        }
        double cumulative = 0;
        for (int d = -MAX_NOISE; d <= MAX_NOISE; d++) {
            cumulative += Math.pow(ALPHA, Math.abs(d)) / total;
            UPPER[d + MAX_NOISE] = Math.min(RecordKeys.MODULUS, Math.round(cumulative * RecordKeys.MODULUS));
        }
        UPPER[2 * MAX_NOISE] = RecordKeys.MODULUS;
    }

    private PerturbationTable() {
    }

    /** The noise of a cell whose records' keys add up to {@code keySum} (taken mod 2^32). */
    public static int noise(long keySum) {
        long key = Math.floorMod(keySum, RecordKeys.MODULUS);
        int low = 0;
        int high = UPPER.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (key < UPPER[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low - MAX_NOISE;
    }

    /** The probability of noise d: the share of keys that look up to it. */
    public static double probability(int d) {
        if (Math.abs(d) > MAX_NOISE) {
            return 0;
        }
        long lower = d == -MAX_NOISE ? 0 : UPPER[d + MAX_NOISE - 1];
        return (double) (UPPER[d + MAX_NOISE] - lower) / RecordKeys.MODULUS;
    }
}
