package org.centinela.system.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository these tests check: its root and what bin/centinela, the local run, says about topics. */
final class Checkout {

    static final Path ROOT = Path.of(System.getProperty("centinela.root", "..")).toAbsolutePath().normalize();
    static final List<String> SERVICES = List.of("intake-service", "alerts-service", "reporting-service");

    private Checkout() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " in " + ROOT, e);
        }
    }

    /** The HTTP port a service listens on: {@code quarkus.http.port} of its application.properties. */
    static int httpPort(String service) {
        return read(service + "/src/main/resources/application.properties").lines()
                .filter(line -> line.startsWith("quarkus.http.port="))
                .map(line -> Integer.parseInt(line.substring("quarkus.http.port=".length()).strip()))
                .findFirst().orElseThrow(() -> new AssertionError(service + " sets no quarkus.http.port"));
    }

    /** The topics bin/centinela creates for the local run: its {@code TOPICS=(…)} array. */
    static List<String> binCentinelaTopics() {
        Matcher matcher = Pattern.compile("(?m)^TOPICS=\\(([^)]*)\\)").matcher(read("bin/centinela"));
        if (!matcher.find()) {
            throw new AssertionError("bin/centinela has no TOPICS=(…) line");
        }
        return new ArrayList<>(Arrays.asList(matcher.group(1).trim().split("\\s+")));
    }

    /** The partitions per topic of the local run: the default of {@code PARTITIONS=${CENTINELA_PARTITIONS:-N}}. */
    static String binCentinelaPartitions() {
        Matcher matcher = Pattern.compile("(?m)^PARTITIONS=\\$\\{CENTINELA_PARTITIONS:-(\\d+)}").matcher(read("bin/centinela"));
        if (!matcher.find()) {
            throw new AssertionError("bin/centinela has no PARTITIONS=${CENTINELA_PARTITIONS:-N} line");
        }
        return matcher.group(1);
    }
}
