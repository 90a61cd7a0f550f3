package org.centinela.system.deployment;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping clauses,
 * functions, keywords and numbers are taken away. Enough for the expressions of our rules and dashboard, which a
 * test checks against the names the services export.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "bool", "and", "or", "unless", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    static Set<String> metrics(String expression) {
        String text = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", " ")
                .replaceAll("'(?:[^'\\\\]|\\\\.)*'", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?[a-zA-Z_]+}?", " ");
        text = GROUPING.matcher(text).replaceAll(" ");
        Set<String> metrics = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String name = matcher.group();
            boolean function = text.substring(matcher.end()).stripLeading().startsWith("(");
            boolean number = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase())) {
                metrics.add(name);
            }
        }
        return metrics;
    }
}
