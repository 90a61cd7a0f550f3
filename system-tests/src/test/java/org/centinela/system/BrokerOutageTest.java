package org.centinela.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centinela.testkit.Api;
import org.centinela.testkit.IncidentBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away: readiness turns DOWN within 30 s, incidents are still accepted, and once the broker is back
 * every accepted incident's events reach the topic exactly once and in order.
 */
class BrokerOutageTest {

    private static final Path BROKER_PID = RunningSystem.ROOT.resolve(".run/kafka-test/kafka.pid");

    private static RunningSystem system;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.exists(BROKER_PID), "the test broker was not started by bin/centinela, so it cannot be stopped here");
        system = RunningSystem.get();
    }

    @Test
    void incidentsAcceptedWhileTheBrokerIsDownArePublishedOnceAndInOrderWhenItReturns() throws Exception {
        String reporter = system.api().createOrganisation("Vicaría del Sur").token();
        List<String> accepted = new ArrayList<>();

        stopBroker();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> system.services().stream()
                    .allMatch(service -> service.readinessStatus() == 503));

            for (int i = 0; i < 5; i++) {
                accepted.add(Api.as(reporter).body(IncidentBody.of(IncidentBody.uniqueOccurredOn(), "PE-PUN", List.of("HARASSMENT")))
                        .post(system.intake.url("/api/v1/incidents"))
                        .then().statusCode(201).extract().path("id"));
            }
            Api.as(reporter).body(Map.of("justiceStatus", "COMPLAINT_FILED"))
                    .post(system.intake.url("/api/v1/incidents/" + accepted.get(0) + "/updates"))
                    .then().statusCode(200);
        } finally {
            restartBroker();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> system.services().stream()
                .allMatch(service -> service.readinessStatus() == 200));
        Map<String, List<String>> typesByIncident = await().atMost(Duration.ofSeconds(60))
                .until(() -> eventTypesOf(Set.copyOf(accepted)), found -> found.values().stream().mapToInt(List::size).sum() >= 6);

        assertEquals(List.of("incident.reported", "incident.updated"), typesByIncident.get(accepted.get(0)));
        for (String id : accepted.subList(1, accepted.size())) {
            assertEquals(List.of("incident.reported"), typesByIncident.get(id), "exactly one event for " + id);
        }
    }

    private static void stopBroker() throws Exception {
        long pid = Long.parseLong(Files.readString(BROKER_PID).trim());
        ProcessHandle broker = ProcessHandle.of(pid).orElseThrow();
        broker.destroy();
        broker.onExit().get();
    }

    private static void restartBroker() throws Exception {
        Process process = new ProcessBuilder(RunningSystem.ROOT.resolve("bin/centinela").toString(), "test-env")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        RunningSystem.ROOT.resolve("system-tests/target/broker-restart.log").toFile()))
                .start();
        assertEquals(0, process.waitFor(), "bin/centinela test-env restarts the broker");
    }

    /** Every event on the incidents topic for these incidents, in topic order per incident. */
    private static Map<String, List<String>> eventTypesOf(Set<String> incidents) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.KAFKA);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> types = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("centinela.incidents.v1").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> done = new HashSet<>();
            while (done.size() < partitions.size()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (incidents.contains(record.key())) {
                        types.computeIfAbsent(record.key(), key -> new ArrayList<>())
                                .add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
                for (TopicPartition partition : partitions) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        done.add(partition);
                    }
                }
            }
        }
        return types;
    }
}
