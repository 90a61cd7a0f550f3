package org.centinela.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The subcommand and its {@code --name value} options; {@code --flag} alone means "true". */
final class Args {

    /** Options whose values are credentials: the command recorded in RESULTS.md shows a placeholder instead. */
    private static final Set<String> SECRETS = Set.of("admin-token", "token");

    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    private Args(String command) {
        this.command = command;
    }

    static Args parse(String[] argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("no subcommand");
        }
        Args args = new Args(argv[0]);
        for (int i = 1; i < argv.length; i++) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + argv[i]);
            }
            String name = argv[i].substring(2);
            boolean hasValue = i + 1 < argv.length && !argv[i + 1].startsWith("--");
            args.values.put(name, hasValue ? argv[++i] : "true");
        }
        return args;
    }

    String command() {
        return command;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return has(name) ? Integer.parseInt(get(name)) : fallback;
    }

    long longValue(String name, long fallback) {
        return has(name) ? Long.parseLong(get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return has(name) ? Double.parseDouble(get(name)) : fallback;
    }

    Duration seconds(String name, int fallback) {
        return Duration.ofMillis(Math.round(decimal(name, fallback) * 1000));
    }

    /** A service's base URL; only this machine is a valid target, so a typo never loads someone else's host. */
    URI url(String name) {
        return Local.uri(get(name));
    }

    List<String> list(String name) {
        return List.of(get(name).split(","));
    }

    /** How to repeat this run, with credentials replaced by placeholders. */
    String commandLine() {
        StringBuilder line = new StringBuilder("java -jar bench/target/centinela-bench.jar ").append(command);
        values.forEach((name, value) -> {
            if (name.equals("out")) {
                return;
            }
            line.append(" --").append(name);
            if (!value.equals("true")) {
                String shown = SECRETS.contains(name) ? "$" + name.toUpperCase().replace('-', '_') : value;
                line.append(' ').append(shown.contains(" ") ? '"' + shown + '"' : shown);
            }
        });
        return line.toString();
    }
}
