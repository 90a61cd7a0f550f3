package org.centinela.demo.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A table of choices with weights (any positive numbers; shares are weight / total), drawn from a given random. */
public final class Weighted<T> {

    private final List<T> choices;
    private final double[] weights;
    private final double total;

    private Weighted(Map<T, Double> table) {
        this.choices = List.copyOf(table.keySet());
        this.weights = table.values().stream().mapToDouble(Double::doubleValue).toArray();
        double sum = 0;
        for (double weight : weights) {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("weights must be positive: " + table);
            }
            sum += weight;
        }
        this.total = sum;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    public T pick(SplittableRandom random) {
        return choices.get(index(random, weights, total));
    }

    /** {@code count} different choices, each drawn by weight among those not drawn yet. */
    public List<T> pickDistinct(SplittableRandom random, int count) {
        if (count > choices.size()) {
            throw new IllegalArgumentException(count + " distinct of " + choices.size());
        }
        double[] left = weights.clone();
        double leftTotal = total;
        List<T> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = index(random, left, leftTotal);
            picked.add(choices.get(at));
            leftTotal -= left[at];
            left[at] = 0;
        }
        return picked;
    }

    public double share(T choice) {
        int at = choices.indexOf(choice);
        return at < 0 ? 0 : weights[at] / total;
    }

    public List<T> choices() {
        return choices;
    }

    private static int index(SplittableRandom random, double[] weights, double total) {
        double target = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                last = i;
                target -= weights[i];
                if (target < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    public static final class Builder<T> {

        private final Map<T, Double> table = new LinkedHashMap<>();

        public Builder<T> add(T choice, double weight) {
            if (table.put(choice, weight) != null) {
                throw new IllegalArgumentException("twice in the table: " + choice);
            }
            return this;
        }

        public Weighted<T> build() {
            return new Weighted<>(table);
        }
    }
}
