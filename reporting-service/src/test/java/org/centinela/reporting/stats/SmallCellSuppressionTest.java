package org.centinela.reporting.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmallCellSuppressionTest {

    /** The reader's guesses stop here: fewer guesses can only make a cell look more derivable, never less. */
    private static final int GUESS_LIMIT = 6;

    /** cells as "A:1 B:5 …", total (negative: of an overlapping breakdown), expected as "A:null B:null …". */
    @ParameterizedTest(name = "k=3 {0} total={1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "A:5 B:7 C:0          | 12 | A:5 B:7 C:0",
            "A:1 B:5 C:9          | 15 | A:null B:null C:9",
            "A:2 B:4 C:5 D:0      | 11 | A:null B:null C:5 D:0",
            "A:2 B:4 C:4 D:0      | 10 | A:null B:null C:null D:0",
            "A:1 B:1 C:5          |  7 | A:null B:null C:null",
            "A:1 B:1 C:1 D:0      |  3 | A:null B:null C:null D:null",
            "A:2 B:2 C:3 D:9      | 16 | A:null B:null C:null D:9",
            "A:1 B:4 C:4 D:9      | 18 | A:null B:null C:null D:9",
            "A:1 B:2 C:0          |  3 | A:null B:null C:0",
            "A:0 B:0 C:0          |  0 | A:0 B:0 C:0",
            "A:1 B:0 C:0          |  1 | A:null B:0 C:0",
            "A:1 B:5 C:9          | -9 | A:null B:null C:9",
            "A:1 B:1 C:5          | -5 | A:null B:null C:5",
            "A:4 B:1 C:4          | -6 | A:null B:null C:null",
            "A:3 B:3 C:3          | -5 | A:3 B:3 C:3",
            "A:2 B:2 C:2 D:0      | -6 | A:null B:null C:null D:null",
    })
    void suppressesSmallCellsAndTheirComplement(String cells, long total, String expected) {
        SmallCellSuppression suppression = new SmallCellSuppression(3);
        Map<String, Long> table = parse(cells);
        Map<String, Long> shown = total < 0 ? suppression.overlapping(table, -total) : suppression.partition(table, total);
        assertEquals(parse(expected), shown);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,", "2,", "3,3", "100,100"})
    void suppressesSmallTotals(long n, Long expected) {
        assertEquals(expected, new SmallCellSuppression(3).single(n));
    }

    /**
     * Every table of up to four cells with counts 0..5: a reader who knows the algorithm, the total and the shown
     * cells lists every table that would have been published the same way; each suppressed cell must have at
     * least two possible values, and at least two cells are suppressed whenever one is.
     */
    @ParameterizedTest(name = "k={0}")
    @ValueSource(ints = {3, 4})
    void noSuppressedCellCanBeDerivedFromTheTotalAndTheShownCells(int k) {
        SmallCellSuppression suppression = new SmallCellSuppression(k);
        int checked = 0;
        for (int size = 2; size <= 4; size++) {
            for (List<Long> values : tables(size, 5)) {
                Map<String, Long> table = named(values);
                long sum = values.stream().mapToLong(Long::longValue).sum();
                if (suppression.single(sum) != null) {
                    checkPartition(suppression, table, sum);
                    checked++;
                }
                long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
                for (long total : new HashSet<>(List.of(max, (max + sum) / 2, sum))) {
                    if (total > 0 && suppression.single(total) != null) {
                        checkOverlapping(suppression, table, total);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 1000);
    }

    private static void checkPartition(SmallCellSuppression suppression, Map<String, Long> table, long total) {
        Map<String, Long> published = suppression.partition(table, total);
        List<String> hidden = hidden(published);
        assertTrue(hidden.size() != 1, () -> "lone suppressed cell in " + table);
        boolean allHidden = hidden.size() == published.size();
        if (allHidden && !table.containsValue(0L)) {
            return; // every key non-zero and hidden: only hiding the total could do more (see SmallCellSuppression)
        }
        Map<String, Set<Long>> possible = new LinkedHashMap<>();
        // Zeros are shown, so a hidden cell is at least 1, unless the whole breakdown is hidden.
        for (List<Long> guess : compositions(total - shownSum(published), hidden.size(), allHidden ? 0 : 1)) {
            Map<String, Long> candidate = fill(published, hidden, guess);
            if (suppression.partition(candidate, total).equals(published)) {
                remember(possible, hidden, guess);
            }
        }
        assertTrue(possible.values().stream().allMatch(values -> !values.isEmpty()) || hidden.isEmpty());
        assertAmbiguous(table, published, possible);
    }

    private static long shownSum(Map<String, Long> published) {
        return published.values().stream().filter(v -> v != null).mapToLong(Long::longValue).sum();
    }

    /** Every way of writing {@code sum} as {@code parts} ordered values of at least {@code min}. */
    private static List<List<Long>> compositions(long sum, int parts, long min) {
        List<List<Long>> all = new ArrayList<>();
        if (parts == 0) {
            if (sum == 0) {
                all.add(List.of());
            }
            return all;
        }
        for (long first = min; first <= sum - (parts - 1) * min; first++) {
            for (List<Long> rest : compositions(sum - first, parts - 1, min)) {
                List<Long> next = new ArrayList<>();
                next.add(first);
                next.addAll(rest);
                all.add(next);
            }
        }
        return all;
    }

    private static void checkOverlapping(SmallCellSuppression suppression, Map<String, Long> table, long total) {
        Map<String, Long> published = suppression.overlapping(table, total);
        List<String> hidden = hidden(published);
        assertTrue(hidden.size() != 1 || table.values().stream().filter(v -> v > 0).count() == 1,
                () -> "lone suppressed cell in " + table);
        boolean allHidden = hidden.size() == published.size();
        if (allHidden && !table.containsValue(0L)) {
            return; // every key non-zero and hidden: only hiding the total could do more (see SmallCellSuppression)
        }
        long min = allHidden ? 0 : 1;
        Map<String, Set<Long>> possible = new LinkedHashMap<>();
        for (List<Long> guess : tables(hidden.size(), (int) Math.min(total, GUESS_LIMIT))) {
            if (guess.stream().anyMatch(v -> v < min)) {
                continue;
            }
            Map<String, Long> candidate = fill(published, hidden, guess);
            // Each incident carries at least one key, so the cells add up to at least the total.
            long sum = candidate.values().stream().mapToLong(Long::longValue).sum();
            if (sum >= total && suppression.overlapping(candidate, total).equals(published)) {
                remember(possible, hidden, guess);
            }
        }
        assertAmbiguous(table, published, possible);
    }

    private static void assertAmbiguous(Map<String, Long> table, Map<String, Long> published,
                                        Map<String, Set<Long>> possible) {
        possible.forEach((key, values) -> assertTrue(values.size() >= 2,
                () -> "cell " + key + " of " + table + " is derivable from " + published + ": " + values));
    }

    private static List<String> hidden(Map<String, Long> published) {
        return published.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Long> fill(Map<String, Long> published, List<String> hidden, List<Long> guess) {
        Map<String, Long> candidate = new LinkedHashMap<>(published);
        for (int i = 0; i < hidden.size(); i++) {
            candidate.put(hidden.get(i), guess.get(i));
        }
        return candidate;
    }

    private static void remember(Map<String, Set<Long>> possible, List<String> hidden, List<Long> guess) {
        for (int i = 0; i < hidden.size(); i++) {
            possible.computeIfAbsent(hidden.get(i), key -> new HashSet<>()).add(guess.get(i));
        }
    }

    private static List<List<Long>> tables(int size, int max) {
        List<List<Long>> all = new ArrayList<>();
        all.add(List.of());
        for (int i = 0; i < size; i++) {
            List<List<Long>> longer = new ArrayList<>();
            for (List<Long> prefix : all) {
                for (long v = 0; v <= max; v++) {
                    List<Long> next = new ArrayList<>(prefix);
                    next.add(v);
                    longer.add(next);
                }
            }
            all = longer;
        }
        return all;
    }

    private static Map<String, Long> named(List<Long> values) {
        Map<String, Long> table = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            table.put(String.valueOf((char) ('A' + i)), values.get(i));
        }
        return table;
    }

    private static Map<String, Long> parse(String cells) {
        Map<String, Long> table = new LinkedHashMap<>();
        for (String cell : cells.trim().split("\\s+")) {
            String[] parts = cell.split(":");
            table.put(parts[0], "null".equals(parts[1]) ? null : Long.valueOf(parts[1]));
        }
        return table;
    }
}
