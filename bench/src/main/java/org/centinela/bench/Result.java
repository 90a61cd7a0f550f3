package org.centinela.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark found: rows for the RESULTS.md table (measure, value, the limit measured in the same run,
 * ratio or target, pass) and free-form details. Printed as one JSON line plus one human line per row, and
 * appended as a JSON line to {@code --out} when given, for {@code report}.
 */
final class Result {

    /** One line of the results table; {@code pass} is null where a measure is informative only. */
    record Row(String measure, String value, String limit, String target, Boolean pass) {
    }

    private final String benchmark;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();
    private String error;

    Result(String benchmark) {
        this.benchmark = benchmark;
    }

    Result row(String measure, String value, String limit, String target, Boolean pass) {
        rows.add(new Row(measure, value, limit, target, pass));
        return this;
    }

    Result detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    Result failed(Throwable cause) {
        this.error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return this;
    }

    boolean passed() {
        return error == null && rows.stream().allMatch(row -> row.pass() == null || row.pass());
    }

    void emit(Args args) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", benchmark);
        json.put("at", Instant.now().toString());
        json.put("command", args.commandLine());
        json.put("passed", passed());
        if (error != null) {
            json.put("error", error);
        }
        json.put("rows", rows);
        json.put("details", details);
        String line = Json.write(json);
        System.out.println(line);
        for (Row row : rows) {
            System.out.printf("%s: %s | limit %s | %s | %s%n", row.measure(), row.value(), row.limit(), row.target(),
                    row.pass() == null ? "info" : row.pass() ? "PASS" : "FAIL");
        }
        if (error != null) {
            System.out.println(benchmark + ": ERROR " + error);
        }
        if (args.has("out")) {
            Path out = Path.of(args.get("out"));
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
