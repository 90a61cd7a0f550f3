package org.centinela.reporting.disclosure;

import java.nio.charset.StandardCharsets;

/**
 * Whether a small cell of one response is shown as null or as 0. The coin of a cell is drawn from the response's
 * seed (its question and its incidents) and the cell's name, with probability {@link #HIDE} of null, whatever the
 * cell's true count: so a 0 does not prove absence, a null does not prove presence, and neither says anything
 * about a count below k, in one response or averaged over many. The same question over the same incidents draws
 * the same coins, so polling shows the same body.
 */
public final class Coins {

    /** Share of small cells shown as null; the others are shown as 0. */
    public static final double HIDE = 0.25;

    private final long seed;

    public Coins(long seed) {
        this.seed = seed;
    }

    public boolean hide(String cell) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : cell.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001b3L;
        }
        return Long.compareUnsigned(mix(seed ^ hash), (long) (HIDE * 0x1p63) << 1) < 0;
    }

    /** SplitMix64's finaliser: every bit of the input affects every bit of the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
