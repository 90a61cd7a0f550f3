package org.centinela.demo.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void theBarShowsTheShareDoneTheCountAndTheRate() {
        assertEquals("[###############...............] 1000/2000 incidents 410/s", ProgressBar.render(1000, 2000, "incidents", 409.6));
        assertEquals("[..............................] 0/2000 incidents 0/s", ProgressBar.render(0, 2000, "incidents", 0));
        assertEquals("[##############################] 2000/2000 incidents 385/s", ProgressBar.render(2000, 2000, "incidents", 385));
    }

    @Test
    void withoutATerminalTheBarIsALineEveryTenthNotCarriageReturns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar(20, "incidents", new PrintStream(bytes, true, StandardCharsets.UTF_8), false)) {
            for (int i = 0; i < 20; i++) {
                bar.advance();
            }
        }
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(!output.contains("\r"), output);
        String last = output.strip().lines().reduce((first, second) -> second).orElse("");
        assertTrue(last.matches("\\[#{30}] 20/20 incidents \\d+/s"), output);
        assertTrue(output.lines().count() <= 11, output);
    }
}
