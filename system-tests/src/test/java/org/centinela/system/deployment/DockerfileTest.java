package org.centinela.system.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service's src/main/docker/Dockerfile.jvm copies what {@code ./mvnw package} made (system-tests runs after the
 * services are packaged in the reactor), through a .dockerignore that lets it through, into an image that runs as
 * a non-root user with a bounded heap and exits on OutOfMemoryError.
 */
class DockerfileTest {

    static final List<String> SERVICES = Checkout.SERVICES;

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyCopySourceOfTheDockerfileExistsAfterPackageAndIsSentToTheDaemon(String service) throws IOException {
        Path context = Checkout.path(service);
        DockerIgnore ignore = DockerIgnore.of(context);
        List<String> sources = copySources(service);

        assertFalse(sources.isEmpty(), service + "'s Dockerfile.jvm copies something");
        for (String source : sources) {
            List<Path> matches = matching(context, source);
            assertFalse(matches.isEmpty(), service + ": COPY " + source + " matches nothing; was ./mvnw package run?");
            for (Path match : matches) {
                Path sample = Files.isDirectory(match) ? someFileUnder(match).orElse(match) : match;
                assertTrue(ignore.sends(context.relativize(sample)),
                        service + ": .dockerignore keeps " + context.relativize(sample) + " out of the build");
            }
        }
        assertTrue(sources.stream().anyMatch(s -> s.endsWith("quarkus-app/lib/")), "the libraries' own layer");
        assertTrue(sources.stream().anyMatch(s -> s.endsWith("quarkus-app/*.jar")), "quarkus-run.jar");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageRunsAsANonRootUserWithABoundedHeapAndExitsOnOutOfMemory(String service) {
        List<String> lines = instructions(service);
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(List.of("USER root", "USER 0").contains(user), service + " runs as " + user);
        String env = String.join("\n", lines.stream().filter(l -> l.startsWith("ENV ")).toList());
        assertTrue(env.contains("-XX:+ExitOnOutOfMemoryError"), service + ": a JVM out of memory exits and is restarted");
        assertTrue(env.contains("JAVA_MAX_MEM_RATIO=") || env.contains("-Xmx"), service + ": the heap is bounded");
        assertTrue(env.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), service);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageMakesItsOwnAppCdsArchiveAndStartsLikeBinCentinelaWithItAndTwoMallocArenas(String service) {
        List<String> lines = instructions(service);
        String archive = "/deployments/app-cds.jsa";
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN ") && l.contains("-XX:ArchiveClassesAtExit=" + archive)
                        && l.contains("-jar /deployments/quarkus-run.jar")),
                service + ": the archive is made by the image's own JVM, for the jar at the path it runs from");
        String env = String.join("\n", lines.stream().filter(l -> l.startsWith("ENV ")).toList());
        assertTrue(env.contains("-XX:SharedArchiveFile=" + archive), service + " starts with its archive");
        assertTrue(env.contains("MALLOC_ARENA_MAX=2"), service + ": as many malloc arenas as bin/centinela gives it");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageExposesTheServicesPortAndTheThreeImagesShareOneBase(String service) {
        int port = Checkout.httpPort(service);
        assertTrue(instructions(service).contains("EXPOSE " + port), service + " exposes " + port);
        assertEquals(from("intake-service"), from(service), "the three services are built alike");
    }

    private static String from(String service) {
        return instructions(service).stream().filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow();
    }

    /** The Dockerfile's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions(String service) {
        String text = Checkout.read(service + "/src/main/docker/Dockerfile.jvm").replaceAll("\\\\\\n\\s*", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** The sources of every COPY that takes them from the build context (not {@code --from} another stage). */
    private static List<String> copySources(String service) {
        List<String> sources = new ArrayList<>();
        for (String line : instructions(service)) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> words = Stream.of(line.substring(5).trim().split("\\s+")).filter(w -> !w.startsWith("--")).toList();
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }

    private static List<Path> matching(Path context, String source) throws IOException {
        if (!source.contains("*")) {
            Path path = context.resolve(source);
            return Files.exists(path) && (!Files.isDirectory(path) || someFileUnder(path).isPresent()) ? List.of(path) : List.of();
        }
        Path parent = context.resolve(source.substring(0, source.lastIndexOf('/') + 1));
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source.substring(source.lastIndexOf('/') + 1));
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(child -> glob.matches(child.getFileName())).toList();
        }
    }

    private static Optional<Path> someFileUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).findFirst();
        }
    }
}
