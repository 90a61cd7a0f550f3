package org.centinela.reporting.disclosure;

/**
 * The published value of one count for callers without exact figures. A count n of records whose keys add up to
 * keySum is published as n + d, d from the {@link PerturbationTable} at keySum mod 2^32: the same records always
 * get the same value, in every response, so repeating or polling a question, or asking it in another shape
 * (summary, time series, CSV), adds no sample. A count below k, or one whose perturbed value falls below k, is
 * small: it is published as null or 0 by the response's {@link Coins}, independently of its value.
 */
public final class CellKeyMethod {

    /** Key offsets of the magnitudes kept for the same set of incidents as their count, so each has its own noise. */
    public static final long DEFENDERS = 0x9E3779B9L;
    public static final long WOMEN = 0x7F4A7C15L;
    public static final long DELIVERY_FAILURES = 0x2545F491L;

    private final int k;

    public CellKeyMethod(int k) {
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** n + noise, or -1 for a small cell. */
    public long perturbed(long n, long keySum) {
        if (n < k) {
            return -1;
        }
        long value = n + PerturbationTable.noise(keySum);
        return value < k ? -1 : value;
    }

    /** The published value: n + noise, or null or 0 for a small cell, by the coin of {@code cell}. */
    public Long shown(long n, long keySum, Coins coins, String cell) {
        long value = perturbed(n, keySum);
        if (value >= 0) {
            return value;
        }
        return coins.hide(cell) ? null : 0L;
    }
}
