package org.centinela.system.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables of README.md's "Configuration" table, the names an operator sets: deployment files use
 * these and no others, so that the local run, compose and Kubernetes are configured alike. A cell's shorthand
 * ({@code CENTINELA_SMTP_HOST}, {@code _PORT}) continues the previous name; {@code *} stands for any part.
 */
final class ReadmeConfiguration {

    private static final Pattern CODE = Pattern.compile("`([A-Z_*][A-Z0-9_*]*)`");

    private final List<Pattern> names = new ArrayList<>();

    private ReadmeConfiguration() {
    }

    static ReadmeConfiguration read() {
        String readme = Checkout.read("README.md");
        int start = readme.indexOf("## Configuration");
        if (start < 0) {
            throw new AssertionError("README.md has no Configuration section");
        }
        int end = readme.indexOf("\n## ", start + 1);
        ReadmeConfiguration configuration = new ReadmeConfiguration();
        for (String line : readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String variableCell = line.split("\\|")[1];
            String previous = null;
            Matcher matcher = CODE.matcher(variableCell);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (name.startsWith("_") && previous != null) {
                    name = previous.substring(0, previous.lastIndexOf('_')) + name;
                }
                configuration.names.add(Pattern.compile(name.replace("*", "[A-Z0-9_]+")));
                previous = name;
            }
        }
        if (configuration.names.isEmpty()) {
            throw new AssertionError("README.md's Configuration table names no variable");
        }
        return configuration;
    }

    boolean names(String variable) {
        return names.stream().anyMatch(pattern -> pattern.matcher(variable).matches());
    }
}
