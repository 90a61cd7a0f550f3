package org.centinela.system.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * Debian's docker-compose (v1), which reads and validates a compose file without a Docker engine. Its absence fails
 * the test that needs it, saying how to install it: a skipped validation would pass unseen.
 */
final class DockerCompose {

    static final String INSTALL = "docker-compose is not installed; on Debian: apt-get install -y docker-compose "
            + "(v1 validates a compose file offline with 'config -q'; .ci/run installs it)";

    record Result(int exitCode, String output) {
    }

    private DockerCompose() {
    }

    /** {@code docker-compose -f docker-compose.yml --env-file <envFile> <args>} from the repository root. */
    static Result run(Path envFile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker-compose", "-f", Checkout.path("docker-compose.yml").toString(),
                "--env-file", envFile.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Checkout.ROOT.toFile()).redirectErrorStream(true);
        // The shell's own values must not stand in for what the env file lacks.
        builder.environment().keySet().removeIf(name -> name.startsWith("CENTINELA_") || name.startsWith("KAFKA_")
                || name.endsWith("_DB_URL") || name.startsWith("QUARKUS_"));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(INSTALL, e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** The compose file as docker-compose resolves it with {@code envFile}: services with every variable filled in. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resolvedServices(Path envFile) throws IOException, InterruptedException {
        Result result = run(envFile, "config");
        if (result.exitCode() != 0) {
            fail("docker-compose config failed:\n" + result.output());
        }
        Map<String, Object> config = new Yaml().load(result.output());
        return (Map<String, Map<String, Object>>) config.get("services");
    }

    /** A .env made by infra/compose/new-env.sh from .env.example: every secret generated, in a temporary directory. */
    static Path generatedEnvFile(Path directory) throws IOException, InterruptedException {
        Path env = directory.resolve(".env");
        Process process = new ProcessBuilder("sh", Checkout.path("infra/compose/new-env.sh").toString(),
                Checkout.path(".env.example").toString())
                .redirectOutput(env.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            fail("infra/compose/new-env.sh failed");
        }
        return env;
    }

    static Path copyOfEnvExample(Path directory) throws IOException {
        return Files.copy(Checkout.path(".env.example"), directory.resolve(".env"));
    }
}
