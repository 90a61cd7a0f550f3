package org.centinela.system.deployment;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A build context's .dockerignore as Docker reads it: patterns in order, {@code !} re-includes, the last pattern that
 * matches a path or one of its parent directories decides.
 */
final class DockerIgnore {

    private record Rule(PathMatcher matcher, boolean include) {
    }

    private final List<Rule> rules = new ArrayList<>();

    private DockerIgnore() {
    }

    static DockerIgnore of(Path context) throws IOException {
        DockerIgnore ignore = new DockerIgnore();
        Path file = context.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return ignore;
        }
        for (String line : Files.readAllLines(file)) {
            String pattern = line.strip();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean include = pattern.startsWith("!");
            String glob = (include ? pattern.substring(1) : pattern).replaceAll("^/+", "").replaceAll("/+$", "");
            ignore.rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + glob), include));
        }
        return ignore;
    }

    /** Whether {@code relative} (to the context) is sent to the Docker daemon. */
    boolean sends(Path relative) {
        boolean sent = true;
        for (Rule rule : rules) {
            for (Path prefix = relative; prefix != null; prefix = prefix.getParent()) {
                if (rule.matcher().matches(prefix)) {
                    sent = rule.include();
                    break;
                }
            }
        }
        return sent;
    }
}
