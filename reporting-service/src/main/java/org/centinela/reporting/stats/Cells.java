package org.centinela.reporting.stats;

import java.util.HashMap;
import java.util.Map;

/** Counts read from the aggregates: dimension → key → value, with the sum of the counted records' keys. */
public final class Cells {

    private final Map<String, Map<String, Double>> values = new HashMap<>();
    private final Map<String, Map<String, Long>> keySums = new HashMap<>();

    void put(String dimension, String key, double value, long keySum) {
        values.computeIfAbsent(dimension, d -> new HashMap<>()).put(key, value);
        keySums.computeIfAbsent(dimension, d -> new HashMap<>()).put(key, keySum);
    }

    public long count(String dimension, String key) {
        Double value = values.getOrDefault(dimension, Map.of()).get(key);
        return value == null ? 0 : Math.round(value);
    }

    /** The sum of the keys of the records counted in the cell, mod 2^32 (0 for an empty cell). */
    public long keySum(String dimension, String key) {
        return keySums.getOrDefault(dimension, Map.of()).getOrDefault(key, 0L);
    }

    public Double value(String dimension, String key) {
        return values.getOrDefault(dimension, Map.of()).get(key);
    }

    public Map<String, Double> dimension(String dimension) {
        return values.getOrDefault(dimension, Map.of());
    }
}
