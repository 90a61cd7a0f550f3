package org.centinela.reporting.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import org.centinela.reporting.disclosure.CellKeyMethod;
import org.centinela.reporting.disclosure.Coins;

/**
 * How the counts of one response are published to a caller without exact figures (README "Threat model and
 * method"): each count perturbed by the cell-key method, small ones shown as null or 0 by the response's coins, and
 * then, in a breakdown, a null never alone: {@link SmallCellSuppression} runs over the published values (a null
 * entering as a small count), so the SPEC §6 rule "when one cell is suppressed, at least two are" still holds.
 */
final class Protection {

    private final CellKeyMethod method;
    private final SmallCellSuppression suppression;
    private final Coins coins;

    Protection(CellKeyMethod method, SmallCellSuppression suppression, Coins coins) {
        this.method = method;
        this.suppression = suppression;
        this.coins = coins;
    }

    /** A count shown on its own (a total), named {@code cell} for its coin. */
    Long single(String cell, long n, long keySum) {
        return method.shown(n, keySum, coins, cell);
    }

    /** Whether a count reaches k once perturbed (for figures shown only over at least k records, as medians). */
    boolean reaches(long n, long keySum) {
        return method.perturbed(n, keySum) >= method.k();
    }

    /**
     * A breakdown of {@code dimension}: counts and key sums per key, against the published total of the same
     * response. {@code partition}: each record has exactly one key (the cells add up to the total).
     */
    Map<String, Long> breakdown(String dimension, Map<String, Long> counts, Map<String, Long> keySums, Long shownTotal,
                                boolean partition) {
        Map<String, Long> published = new LinkedHashMap<>();
        counts.forEach((key, n) -> {
            Long shown = method.shown(n, keySums.getOrDefault(key, 0L), coins, dimension + "." + key);
            published.put(key, shown == null ? 1L : shown); // a null takes part in suppression as a small count
        });
        long total = shownTotal == null ? 1L : shownTotal;
        return partition ? suppression.partition(published, total) : suppression.overlapping(published, total);
    }
}
