package org.centinela.reporting.stats;

import java.util.HashMap;
import java.util.Map;

/** Counts read from the aggregates: dimension → key → value. */
public final class Cells {

    private final Map<String, Map<String, Double>> values = new HashMap<>();

    void put(String dimension, String key, double value) {
        values.computeIfAbsent(dimension, d -> new HashMap<>()).put(key, value);
    }

    public long count(String dimension, String key) {
        Double value = values.getOrDefault(dimension, Map.of()).get(key);
        return value == null ? 0 : Math.round(value);
    }

    public Double value(String dimension, String key) {
        return values.getOrDefault(dimension, Map.of()).get(key);
    }

    public Map<String, Double> dimension(String dimension) {
        return values.getOrDefault(dimension, Map.of());
    }
}
