package org.centinela.demo.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.centinela.contract.vocabulary.Violation;
import org.junit.jupiter.api.Test;

class WeightedTest {

    private final Weighted<String> table = Weighted.<String>builder().add("a", 6).add("b", 3).add("c", 1).build();

    @Test
    void aChoiceIsDrawnInProportionToItsWeight() {
        SplittableRandom random = new SplittableRandom(7);
        int a = 0;
        for (int i = 0; i < 100_000; i++) {
            if (table.pick(random).equals("a")) {
                a++;
            }
        }
        assertEquals(0.6, a / 100_000.0, 0.01);
        assertEquals(0.6, table.share("a"), 1e-9);
        assertEquals(0.0, table.share("z"));
    }

    @Test
    void distinctDrawsNeverRepeatAChoice() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            List<String> drawn = table.pickDistinct(random, 3);
            assertEquals(3, new HashSet<>(drawn).size(), drawn.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> table.pickDistinct(random, 4));
    }

    @Test
    void aTableRefusesAZeroWeightAndAChoiceTwice() {
        assertThrows(IllegalArgumentException.class, () -> Weighted.<String>builder().add("a", 0).build());
        assertThrows(IllegalArgumentException.class, () -> Weighted.<String>builder().add("a", 1).add("a", 2));
    }

    @Test
    void theViolationTableCoversTheWholeVocabulary() {
        assertEquals(EnumSet.allOf(Violation.class), EnumSet.copyOf(Shares.VIOLATIONS.choices()));
        assertEquals(100.0, Shares.VIOLATIONS.choices().stream().mapToDouble(v -> Shares.VIOLATIONS.share(v) * 100).sum(), 1e-6);
    }
}
