package org.centinela.system.deployment;

import static org.centinela.system.deployment.KubernetesManifests.list;
import static org.centinela.system.deployment.KubernetesManifests.map;
import static org.centinela.system.deployment.KubernetesManifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * deploy/kubernetes parses as Kubernetes objects: per service a Deployment with readiness and liveness probes,
 * resources, its settings from the ConfigMap and its secrets from the Secret, and a Service in front; a Secret
 * template without values; Kafka and PostgreSQL outside, named by environment variables only.
 */
class KubernetesManifestsTest {

    static final List<String> SERVICES = Checkout.SERVICES;
    private static final String SECRET = "centinela-secrets";
    private static final String CONFIG = "centinela-config";
    private static final String NAMESPACE = "centinela";

    private static KubernetesManifests manifests;

    @BeforeAll
    static void load() throws Exception {
        manifests = KubernetesManifests.load();
    }

    @Test
    void theManifestsHoldANamespaceASecretTemplateAConfigMapAndADeploymentAndServicePerService() {
        assertEquals(NAMESPACE, name(manifests.ofKind("Namespace").get(0)));
        manifests.named("Secret", SECRET);
        manifests.named("ConfigMap", CONFIG);
        for (String service : SERVICES) {
            manifests.named("Deployment", service);
            manifests.named("Service", service);
        }
        manifests.all().stream().filter(o -> !"Namespace".equals(o.get("kind"))).forEach(object ->
                assertEquals(NAMESPACE, map(object, "metadata").get("namespace"), object.get("kind") + " " + name(object)));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachDeploymentProbesReadinessAndLivenessOnTheServicePort(String service) {
        Map<String, Object> container = container(service);
        int port = containerPort(container);
        assertEquals(Checkout.httpPort(service), port, service + " container port");

        Map<String, Object> readiness = map(container, "readinessProbe", "httpGet");
        assertEquals("/q/health/ready", readiness.get("path"), service);
        assertPort(container, port, readiness.get("port"));
        Map<String, Object> liveness = map(container, "livenessProbe", "httpGet");
        assertEquals("/q/health/live", liveness.get("path"), service);
        assertPort(container, port, liveness.get("port"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachDeploymentRequestsCpuAndMemoryAndIsLimitedInMemory(String service) {
        Map<String, Object> resources = map(container(service), "resources");
        assertNotNull(map(resources, "requests").get("cpu"), service);
        assertNotNull(map(resources, "requests").get("memory"), service);
        assertNotNull(map(resources, "limits").get("memory"), service + ": the heap is a share of this limit");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachDeploymentTakesItsSecretsFromTheSecretAndItsSettingsFromTheConfigMap(String service) {
        Map<String, Object> container = container(service);
        Set<String> fromSecret = new TreeSet<>();
        for (Map<String, Object> variable : list(container, "env")) {
            Object valueFrom = variable.get("valueFrom");
            if (valueFrom instanceof Map<?, ?> from && from.get("secretKeyRef") instanceof Map<?, ?> ref) {
                assertEquals(SECRET, ref.get("name"), service + " " + variable.get("name"));
                fromSecret.add(String.valueOf(variable.get("name")));
            }
        }
        List<String> needed = new ArrayList<>(List.of("CENTINELA_ADMIN_TOKEN", "CENTINELA_TOKEN_SIGNING_KEY", "CENTINELA_DB_PASSWORD"));
        if (!service.equals("reporting-service")) {
            needed.add("CENTINELA_ENCRYPTION_KEY");
        }
        assertTrue(fromSecret.containsAll(needed), service + " reads " + needed + " from the Secret, has " + fromSecret);
        if (service.equals("reporting-service")) {
            assertFalse(fromSecret.contains("CENTINELA_ENCRYPTION_KEY"), "reporting holds no encrypted field");
        }
        assertTrue(list(container, "envFrom").stream().anyMatch(source -> source.get("configMapRef") instanceof Map<?, ?> ref
                && CONFIG.equals(ref.get("name"))), service + " takes its settings from " + CONFIG);
        assertTrue(list(container, "env").stream().anyMatch(v -> "QUARKUS_PROFILE".equals(v.get("name"))
                && "prod".equals(v.get("value"))), service + " runs the prod profile");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void eachServiceSelectsItsDeploymentsPodsOnTheirPort(String service) {
        Map<String, Object> deployment = manifests.named("Deployment", service);
        Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
        Map<String, Object> selector = map(manifests.named("Service", service), "spec", "selector");
        assertTrue(podLabels.entrySet().containsAll(selector.entrySet()), service + " Service selects its pods");
        assertEquals(map(deployment, "spec", "selector", "matchLabels"), selector, service);
        Map<String, Object> port = list(map(manifests.named("Service", service), "spec"), "ports").get(0);
        assertPort(container(service), containerPort(container(service)), port.get("targetPort"));
    }

    @Test
    void theSecretTemplateHoldsEveryKeyTheDeploymentsReadAndNoValue() {
        Map<String, Object> data = map(manifests.named("Secret", SECRET), "stringData");
        Set<String> read = new TreeSet<>();
        for (String service : SERVICES) {
            list(container(service), "env").stream()
                    .filter(v -> v.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") != null)
                    .forEach(v -> read.add(String.valueOf(map(map(v, "valueFrom"), "secretKeyRef").get("key"))));
        }
        assertEquals(read, new TreeSet<>(data.keySet()), "the template lists exactly the keys read");
        data.forEach((key, value) -> assertEquals("", value, key + " is empty in the template: real values never enter git"));
    }

    @Test
    void kafkaAndPostgresAreOutsideNamedOnlyByTheReadmesVariables() {
        ReadmeConfiguration readme = ReadmeConfiguration.read();
        Map<String, Object> config = map(manifests.named("ConfigMap", CONFIG), "data");
        config.keySet().forEach(key -> assertTrue(readme.names(key), key + " is not in README.md's Configuration table"));
        assertNotNull(config.get("KAFKA_BOOTSTRAP_SERVERS"));
        for (String service : List.of("INTAKE", "ALERTS", "REPORTING")) {
            assertTrue(String.valueOf(config.get(service + "_DB_URL")).startsWith("jdbc:postgresql://"), service);
        }
        assertTrue(manifests.ofKind("StatefulSet").isEmpty(), "no broker nor database is run by these manifests");
    }

    @Test
    void theTopicsJobCreatesTheTopicsOfBinCentinelaWithItsPartitions() {
        Map<String, Object> job = manifests.named("Job", "centinela-topics");
        Map<String, Object> container = list(map(job, "spec", "template", "spec"), "containers").get(0);
        Map<String, String> env = new java.util.HashMap<>();
        list(container, "env").forEach(v -> env.put(String.valueOf(v.get("name")), String.valueOf(v.get("value"))));
        assertEquals(Checkout.binCentinelaTopics(), Arrays.asList(env.get("CENTINELA_TOPICS").split("\\s+")));
        assertEquals(Checkout.binCentinelaPartitions(), env.get("CENTINELA_PARTITIONS"));
        String command = String.valueOf(container.get("command")) + container.get("args");
        assertTrue(command.contains("--if-not-exists") && command.contains("retention.ms=-1"), command);
    }

    private static Map<String, Object> container(String service) {
        List<Map<String, Object>> containers = list(map(manifests.named("Deployment", service), "spec", "template", "spec"),
                "containers");
        assertEquals(1, containers.size(), service + " has one container");
        return containers.get(0);
    }

    private static int containerPort(Map<String, Object> container) {
        return ((Number) list(container, "ports").get(0).get("containerPort")).intValue();
    }

    /** A probe's or a Service's port: the number, or the name of the container port that has it. */
    private static void assertPort(Map<String, Object> container, int expected, Object port) {
        if (port instanceof Number number) {
            assertEquals(expected, number.intValue());
        } else {
            Map<String, Object> named = list(container, "ports").stream().filter(p -> port.equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no container port named " + port));
            assertEquals(expected, ((Number) named.get("containerPort")).intValue());
        }
    }
}
