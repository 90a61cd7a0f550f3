package org.centinela.system.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml is valid for Debian's docker-compose, and every secret it needs comes from .env. */
class ComposeFileTest {

    @TempDir
    Path directory;

    @Test
    void theComposeFileIsValidWithAnEnvGeneratedFromTheExample() throws Exception {
        DockerCompose.Result result = DockerCompose.run(DockerCompose.generatedEnvFile(directory), "config", "-q");

        assertEquals(0, result.exitCode(), "docker-compose config -q:\n" + result.output());
    }

    @Test
    void withTheExampleAsItIsComposeRefusesToRunAndNamesTheMissingSecret() throws Exception {
        DockerCompose.Result result = DockerCompose.run(DockerCompose.copyOfEnvExample(directory), "config", "-q");

        assertNotEquals(0, result.exitCode(), "an unfilled .env must not give a system without secrets");
        assertTrue(result.output().contains("CENTINELA_"), result.output());
    }

    @Test
    void theEnvGeneratorFillsEverySecretWithAValueTheServicesAccept() throws Exception {
        Map<String, String> env = parse(DockerCompose.generatedEnvFile(directory));

        assertTrue(env.get("CENTINELA_ADMIN_TOKEN").length() >= 32, "admin token of at least 32 characters");
        assertTrue(env.get("CENTINELA_TOKEN_SIGNING_KEY").getBytes(StandardCharsets.UTF_8).length >= 32,
                "token-signing key of at least 32 bytes (platform TokenService)");
        assertEquals(32, Base64.getDecoder().decode(env.get("CENTINELA_ENCRYPTION_KEY")).length,
                "AES-256 key: base64 of 32 bytes (platform FieldCipher)");
        assertTrue(env.get("CENTINELA_DB_PASSWORD").length() >= 16, "a database password");
    }

    @Test
    void twoGeneratedEnvsShareNoSecret() throws Exception {
        Map<String, String> first = parse(DockerCompose.generatedEnvFile(Files.createDirectory(directory.resolve("a"))));
        Map<String, String> second = parse(DockerCompose.generatedEnvFile(Files.createDirectory(directory.resolve("b"))));

        for (String secret : Set.of("CENTINELA_ADMIN_TOKEN", "CENTINELA_TOKEN_SIGNING_KEY", "CENTINELA_ENCRYPTION_KEY",
                "CENTINELA_DB_PASSWORD")) {
            assertNotEquals(first.get(secret), second.get(secret), secret + " must be random, not a fixed example");
        }
    }

    @Test
    void everyVariableTheComposeFileReadsIsInTheEnvExample() {
        Set<String> read = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z0-9_]+)").matcher(Checkout.read("docker-compose.yml"));
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        Set<String> documented = parse(Checkout.read(".env.example"), true).keySet();

        Set<String> undocumented = new TreeSet<>(read);
        undocumented.removeAll(documented);
        assertTrue(undocumented.isEmpty(), "read by docker-compose.yml but not in .env.example: " + undocumented);
    }

    private static Map<String, String> parse(Path envFile) throws IOException {
        return parse(Files.readString(envFile, StandardCharsets.UTF_8), false);
    }

    /** KEY=value lines; with {@code commented}, a commented-out {@code # KEY=value} (an optional variable) too. */
    private static Map<String, String> parse(String env, boolean commented) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile(commented ? "(?m)^(?:# ?)?([A-Z][A-Z0-9_]*)=(.*)$" : "(?m)^([A-Z][A-Z0-9_]*)=(.*)$")
                .matcher(env);
        while (matcher.find()) {
            values.putIfAbsent(matcher.group(1), matcher.group(2).trim());
        }
        return values;
    }
}
