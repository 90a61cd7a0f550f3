package org.centinela.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns the JSON lines the benchmarks appended to a file into a dated section of RESULTS.md: one table row per
 * measure, with the limit measured in the same run, the ratio or target, pass/fail and the command to repeat it.
 */
final class Report {

    private static final String HEADER = """
            # Benchmark results

            SPEC §8's targets, each measured against a limit measured in the same run on the same machine (see
            README.md for what each benchmark does). Newest run last; produced by `bench/run.sh`.
            """;

    private Report() {
    }

    static void run(Args args) throws Exception {
        Path in = Path.of(args.get("in"));
        Path out = Path.of(args.get("out", "bench/RESULTS.md"));
        List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank()).toList();
        StringBuilder section = new StringBuilder();
        if (!Files.exists(out)) {
            section.append(HEADER);
        }
        section.append("\n## ").append(ZonedDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" — ").append(hostName())
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version"));
        if (args.has("note")) {
            section.append(" — ").append(args.get("note"));
        }
        section.append("\n\n| measure | value | limit measured in this run | ratio / target | result | command |\n")
                .append("|---|---|---|---|---|---|\n");
        int passed = 0;
        int failed = 0;
        for (String line : lines) {
            JsonNode result = Json.read(line);
            String command = "`" + result.path("command").asText() + "`";
            if (result.hasNonNull("error")) {
                failed++;
                section.append(row(result.path("benchmark").asText(), "error: " + result.path("error").asText(),
                        "—", "—", "**ERROR**", command));
            }
            for (JsonNode row : result.path("rows")) {
                String outcome = row.path("pass").isNull() ? "info" : row.path("pass").asBoolean() ? "pass" : "**FAIL**";
                if (!row.path("pass").isNull()) {
                    if (row.path("pass").asBoolean()) {
                        passed++;
                    } else {
                        failed++;
                    }
                }
                section.append(row(row.path("measure").asText(), row.path("value").asText(),
                        row.path("limit").asText(), row.path("target").asText(), outcome, command));
            }
        }
        section.append("\n").append(passed).append(" passed, ").append(failed).append(" failed or errored. ")
                .append("Raw results (JSON lines with percentiles and counts): `").append(in).append("`.\n");
        Files.writeString(out, section.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        System.out.println("appended " + lines.size() + " results to " + out + ": " + passed + " passed, " + failed
                + " failed or errored");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "unknown host";
        }
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return row.append('\n').toString();
    }
}
