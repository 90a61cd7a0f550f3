package org.centinela.system.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docker-compose.yml starts, as docker-compose resolves it: Kafka, PostgreSQL, the topics, an SMTP sink, the
 * three services in the prod profile behind a gateway, each started once what it needs is healthy, and each of them
 * free to run as several instances ({@code --scale}).
 */
class ComposeServicesTest {

    private static final String TOPICS = "kafka-topics";

    @TempDir
    static Path directory;

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    static void resolve() throws Exception {
        services = DockerCompose.resolvedServices(DockerCompose.generatedEnvFile(directory));
    }

    @Test
    void theComposeFileRunsKafkaPostgresTheTopicsAMailSinkTheThreeServicesAndTheirGateway() {
        assertEquals(new TreeSet<>(Set.of("kafka", TOPICS, "postgres", "mailpit", "gateway",
                "intake-service", "alerts-service", "reporting-service")), new TreeSet<>(services.keySet()));
        assertTrue(image("kafka").startsWith("apache/kafka:"), "the official Apache Kafka image");
        assertEquals(image("kafka"), image(TOPICS), "topics are created with the broker's own kafka-topics.sh");
    }

    @Test
    void theServicesAreBuiltFromTheirDockerfileJvm() {
        for (String service : Checkout.SERVICES) {
            Map<?, ?> build = (Map<?, ?>) services.get(service).get("build");
            assertNotNull(build, service + " is built");
            assertEquals(Checkout.path(service).toString(), build.get("context"), service);
            assertEquals("src/main/docker/Dockerfile.jvm", build.get("dockerfile"), service);
        }
    }

    @Test
    void noServiceHasAFixedContainerNameNorDoAppServicesPublishAHostPortSoEachCanBeScaled() {
        services.forEach((name, service) -> assertFalse(service.containsKey("container_name"),
                name + ": a container_name forbids --scale"));
        for (String service : Checkout.SERVICES) {
            assertFalse(services.get(service).containsKey("ports"),
                    service + " publishes no host port: two instances would clash; the gateway is their address");
        }
    }

    @Test
    void theGatewayPublishesTheServicesUsualPorts() {
        List<?> ports = (List<?>) services.get("gateway").get("ports");
        String published = ports.toString();
        for (String port : List.of("8081", "8082", "8083")) {
            assertTrue(published.contains(":" + port + ":" + port), "gateway publishes " + port + ": " + published);
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndTheAppServicesAskForReadiness() {
        services.forEach((name, service) -> {
            if (!name.equals(TOPICS)) {
                Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
                assertNotNull(healthcheck, name + " has a health check");
                assertNotNull(healthcheck.get("test"), name + " health check has a test");
            }
        });
        for (String service : Checkout.SERVICES) {
            String test = String.valueOf(((Map<?, ?>) services.get(service).get("healthcheck")).get("test"));
            assertTrue(test.contains("/q/health/ready"), service + " is healthy when ready: " + test);
        }
    }

    @Test
    void eachServiceStartsOnlyOnceWhatItNeedsIsHealthyAndTheTopicsExist() {
        for (String service : Checkout.SERVICES) {
            assertEquals("service_healthy", condition(service, "postgres"), service + " waits for PostgreSQL");
            assertEquals("service_completed_successfully", condition(service, TOPICS), service + " waits for the topics");
        }
        assertEquals("service_healthy", condition("alerts-service", "mailpit"), "alerts-service waits for its SMTP server");
        assertEquals("service_healthy", condition(TOPICS, "kafka"), "topics are created once the broker answers");
        for (String service : Checkout.SERVICES) {
            assertEquals("service_healthy", condition("gateway", service), "the gateway waits for " + service);
        }
    }

    @Test
    void theTopicCreatorMakesTheTopicsOfBinCentinelaWithItsPartitionsKeptForever() {
        Map<?, ?> environment = environment(TOPICS);

        assertEquals(Checkout.binCentinelaTopics(), Arrays.asList(String.valueOf(environment.get("CENTINELA_TOPICS")).split("\\s+")));
        assertEquals(Checkout.binCentinelaPartitions(), String.valueOf(environment.get("CENTINELA_PARTITIONS")));
        assertTrue(Checkout.read("docker-compose.yml").contains("${CENTINELA_PARTITIONS:-" + Checkout.binCentinelaPartitions() + "}"),
                "without CENTINELA_PARTITIONS in .env, compose still creates bin/centinela's partitions");
        String script = Checkout.read("infra/compose/create-topics.sh");
        assertTrue(script.contains("--if-not-exists"), "a restart finds its topics and goes on");
        assertTrue(script.contains("retention.ms=-1") && script.contains("retention.bytes=-1"),
                "topics kept forever, as infra/kafka/CreateTopics.java makes them");
    }

    @Test
    void thePostgresInitScriptCreatesTheDatabaseOfEachService() {
        String volumes = String.valueOf(services.get("postgres").get("volumes"));
        assertTrue(volumes.contains("/docker-entrypoint-initdb.d"), "the init script is mounted: " + volumes);
        String init = Checkout.read("infra/compose/postgres-init.sql");
        for (String service : List.of("intake", "alerts", "reporting")) {
            String url = String.valueOf(environment(service + "-service").get(service.toUpperCase() + "_DB_URL"));
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertEquals("centinela_" + service, database);
            assertTrue(init.contains("CREATE DATABASE " + database), "postgres-init.sql creates " + database);
        }
    }

    @Test
    void theServicesRunTheProdProfileConfiguredOnlyByTheReadmesVariables() {
        ReadmeConfiguration readme = ReadmeConfiguration.read();
        for (String service : Checkout.SERVICES) {
            Map<?, ?> environment = environment(service);
            assertEquals("prod", environment.get("QUARKUS_PROFILE"), service);
            Set<String> unknown = new TreeSet<>();
            environment.keySet().forEach(name -> {
                if (!name.equals("QUARKUS_PROFILE") && !readme.names((String) name)) {
                    unknown.add((String) name);
                }
            });
            assertTrue(unknown.isEmpty(), service + " sets variables README.md's Configuration table does not name: " + unknown);
        }
    }

    @Test
    void onlyTheServicesThatEncryptGetTheEncryptionKey() {
        assertTrue(environment("intake-service").containsKey("CENTINELA_ENCRYPTION_KEY"));
        assertTrue(environment("alerts-service").containsKey("CENTINELA_ENCRYPTION_KEY"));
        assertFalse(environment("reporting-service").containsKey("CENTINELA_ENCRYPTION_KEY"),
                "reporting holds no encrypted field");
    }

    @Test
    void alertsServiceSendsItsMailToTheMailSink() {
        Map<?, ?> environment = environment("alerts-service");
        assertEquals("mailpit", environment.get("CENTINELA_SMTP_HOST"));
        assertEquals("1025", String.valueOf(environment.get("CENTINELA_SMTP_PORT")));
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    private static Map<?, ?> environment(String service) {
        Map<?, ?> environment = (Map<?, ?>) services.get(service).get("environment");
        assertNotNull(environment, service + " has an environment");
        return environment;
    }

    private static String condition(String service, String dependency) {
        Object dependsOn = services.get(service).get("depends_on");
        assertTrue(dependsOn instanceof Map<?, ?>, service + " depends_on with conditions");
        Map<?, ?> entry = (Map<?, ?>) ((Map<?, ?>) dependsOn).get(dependency);
        return entry == null ? null : String.valueOf(entry.get("condition"));
    }
}
