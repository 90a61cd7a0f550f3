package org.centinela.reporting.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-cell suppression (SPEC §6, §9). A count 0 &lt; n &lt; k is shown as null; zeros are shown. In a breakdown,
 * one suppressed cell never stands alone: the next smallest non-zero cells (all of that value, so that a reader
 * cannot tell which of equal cells was picked) are suppressed too, and more until the suppressed cells cannot be
 * pinned down from the shown total and cells (see {@link #revealed}). A partition (an incident has one region,
 * one month, one justice status) adds up to the total; an overlapping breakdown (violations, sectors,
 * perpetrators and their kinds) adds up to at least it. When even suppressing every non-zero cell leaves them
 * pinned down (three incidents, three regions, a shown total of 3: each must be 1), the whole breakdown is
 * suppressed, zeros included, so that a reader no longer knows which cells hold the incidents. Only a breakdown
 * whose every key holds the same small count can then still be told from its total: with 26 regions, 21
 * violations or 7 justice statuses that takes as many incidents as keys, spread exactly evenly.
 */
public final class SmallCellSuppression {

    private final int k;

    public SmallCellSuppression(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /** A count shown on its own (a total): null when 0 &lt; n &lt; k. */
    public Long single(long n) {
        return n > 0 && n < k ? null : n;
    }

    /**
     * A breakdown of {@code total} incidents in which an incident carries one or more keys, so its cells add up
     * to at least the total.
     */
    public Map<String, Long> overlapping(Map<String, Long> cells, long total) {
        return suppress(cells, total, false);
    }

    /** A breakdown whose cells add up to {@code total} (each incident has exactly one of its keys). */
    public Map<String, Long> partition(Map<String, Long> cells, long total) {
        return suppress(cells, total, true);
    }

    private Map<String, Long> suppress(Map<String, Long> cells, long total, boolean partition) {
        Map<String, Long> shown = new LinkedHashMap<>(cells);
        int primaries = 0;
        for (Map.Entry<String, Long> cell : cells.entrySet()) {
            if (cell.getValue() > 0 && cell.getValue() < k) {
                shown.put(cell.getKey(), null);
                primaries++;
            }
        }
        if (primaries == 0) {
            return shown;
        }
        int secondaries = 0;
        while (primaries + secondaries == 1 || revealed(shown, total, partition, secondaries > 0)) {
            List<String> next = nextSmallest(shown);
            if (next.isEmpty()) {
                break; // every non-zero cell is suppressed already
            }
            next.forEach(key -> shown.put(key, null));
            secondaries += next.size();
        }
        if (revealed(shown, total, partition, secondaries > 0)) {
            shown.replaceAll((key, value) -> null);
        }
        return shown;
    }

    /**
     * Whether the shown total and cells pin down the suppressed cells. Each is at least 1 and at most the smallest
     * shown non-zero cell, and at most k - 1 while only small cells are suppressed. Partition: they add up to
     * total minus the shown cells, which pins them when it needs all at their minimum or all at their maximum.
     * Overlapping breakdown: they add up to at least that (each incident carries at least one key), which pins
     * them when it needs all at their maximum.
     */
    private boolean revealed(Map<String, Long> shown, long total, boolean partition, boolean withSecondaries) {
        if (single(total) == null) {
            return false;
        }
        long rest = total;
        long hidden = 0;
        long smallestShown = Long.MAX_VALUE;
        for (Long value : shown.values()) {
            if (value == null) {
                hidden++;
            } else {
                rest -= value;
                if (value > 0) {
                    smallestShown = Math.min(smallestShown, value);
                }
            }
        }
        if (hidden == 0) {
            return false;
        }
        if (hidden == 1) {
            return true;
        }
        long most = Math.min(Math.min(smallestShown, total), withSecondaries ? Long.MAX_VALUE : k - 1);
        return partition
                ? rest == hidden || rest == hidden * most
                : rest >= hidden * most;
    }

    /**
     * The shown non-zero cells of the smallest value, all of them: choosing one among equals by its key would
     * tell a reader which of the equal cells the hidden one is not.
     */
    private static List<String> nextSmallest(Map<String, Long> shown) {
        long smallest = shown.values().stream().filter(value -> value != null && value > 0)
                .mapToLong(Long::longValue).min().orElse(0);
        return shown.entrySet().stream()
                .filter(cell -> cell.getValue() != null && cell.getValue() == smallest && smallest > 0)
                .map(Map.Entry::getKey)
                .toList();
    }
}
