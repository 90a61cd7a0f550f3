package org.centinela.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lead reads: the RESULTS.md table, and the command recorded without credentials. */
class ReportTest {

    @TempDir
    Path dir;

    @Test
    void resultsBecomeTableRowsWithPassFailAndErrors() throws Exception {
        Path raw = dir.resolve("run.jsonl");
        Args args = Args.parse(new String[] {"stats-304", "--reporting", "http://127.0.0.1:8083",
                "--admin-token", "dev-admin-token", "--out", raw.toString()});
        new Result("stats-304").row("304 rate", "9,000/s", "trivial 10,000/s", "ratio 0.9 (target ≥ 0.5)", true)
                .row("latency", "p99 3 ms", "—", "informative", null).emit(args);
        new Result("rebuild").row("rebuild", "10/s", "plain 1,000/s", "ratio 0.01 (target ≥ 0.25)", false)
                .emit(args);
        new Result("alert-latency").failed(new IllegalStateException("POST /api/v1/teams → 400")).emit(args);

        Path results = dir.resolve("RESULTS.md");
        Report.run(Args.parse(new String[] {"report", "--in", raw.toString(), "--out", results.toString()}));
        String markdown = Files.readString(results);

        assertTrue(markdown.startsWith("# Benchmark results"));
        assertTrue(markdown.contains("| 304 rate | 9,000/s | trivial 10,000/s | ratio 0.9 (target ≥ 0.5) | pass |"));
        assertTrue(markdown.contains("| latency | p99 3 ms | — | informative | info |"));
        assertTrue(markdown.contains("| rebuild | 10/s | plain 1,000/s | ratio 0.01 (target ≥ 0.25) | **FAIL** |"));
        assertTrue(markdown.contains("error: IllegalStateException: POST /api/v1/teams → 400"));
        assertTrue(markdown.contains("1 passed, 2 failed or errored"));
        assertTrue(markdown.contains("--admin-token $ADMIN_TOKEN"));
        assertTrue(!markdown.contains("dev-admin-token"));
    }

    @Test
    void onlyThisMachineIsATarget() {
        assertEquals("http://127.0.0.1:8081", Local.uri("http://127.0.0.1:8081/").toString());
        assertThrows(IllegalArgumentException.class, () -> Local.uri("http://example.org:8081"));
        assertThrows(IllegalArgumentException.class, () -> Local.bootstrap("10.0.0.5:9092"));
    }
}
