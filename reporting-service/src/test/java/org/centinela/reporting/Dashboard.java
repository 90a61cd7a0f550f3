package org.centinela.reporting;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens the dashboard in headless Chromium (Debian's chromium package) and returns the DOM after its scripts ran:
 * {@code --virtual-time-budget} lets the page fetch and draw before {@code --dump-dom} prints it.
 */
final class Dashboard {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private Dashboard() {
    }

    static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Dashboard test skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
    }

    /** The page as a browser shows it, with the viewer token handed over once in the URL fragment. */
    static String render(URL root, String token) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("centinela-chromium");
        Path errors = Files.createTempFile("centinela-chromium", ".log");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom",
                root + "#token=" + token + "&lang=en"))
                .redirectError(errors.toFile())
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish; see " + errors);
        }
        if (dom.isBlank()) {
            throw new IllegalStateException("Chromium printed no DOM: " + Files.readString(errors));
        }
        return dom;
    }

    static String figure(String dom, String name) {
        return text(dom, "data-figure=\"" + name + "\"");
    }

    static String cell(String dom, String breakdown, String key) {
        return text(dom, "data-cell=\"" + breakdown + ":" + key + "\"");
    }

    private static String text(String dom, String attribute) {
        Matcher matcher = Pattern.compile(Pattern.quote(attribute) + "[^>]*>([^<]*)<").matcher(dom);
        return matcher.find() ? matcher.group(1) : null;
    }
}
