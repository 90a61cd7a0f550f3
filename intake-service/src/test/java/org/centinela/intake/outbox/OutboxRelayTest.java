package org.centinela.intake.outbox;

import static org.awaitility.Awaitility.await;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.intake.Database;
import org.centinela.platform.outbox.OutboxProducer;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.testkit.Api;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The relay against the real broker and database: while its producer cannot reach Kafka, reports are still
 * accepted; once it can, every event arrives exactly once and in order per incident.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final Api API = Api.inProcess();

    @Inject
    OutboxRelay relay;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void whileKafkaIsUnreachableReportsAreAcceptedAndLaterPublishedInOrderExactlyOnce() throws Exception {
        Api.Principal org = API.createOrganisation("Relay " + marker());
        Database db = new Database(dataSource);
        OutboxProducer unreachable = new OutboxProducer("127.0.0.1:" + closedPort(), Duration.ofSeconds(1), "unreachable");
        OutboxProducer reachable = new OutboxProducer(bootstrapServers, Duration.ofSeconds(3), "reachable");
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            QuarkusMock.installMockForType(unreachable, OutboxProducer.class);
            double failuresBefore = failures();

            Map<String, Integer> revisions = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                var created = as(org.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                        .post("/api/v1/incidents").then().statusCode(201).extract();
                String id = created.path("id");
                for (String update : List.of("{\"verification\":\"LIKELY\"}", "{\"justiceStatus\":\"COMPLAINT_FILED\"}")) {
                    as(org.token()).contentType(ContentType.JSON).body(update)
                            .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200);
                }
                revisions.put(id, 3);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> failures() > failuresBefore);
            assertEquals(0, topic.during(Duration.ofMillis(500)).stream().filter(r -> revisions.containsKey(r.key())).count(),
                    "nothing published while Kafka is unreachable");
            assertTrue(db.single("SELECT count(*) FROM outbox WHERE sent_at IS NULL") >= 15);

            QuarkusMock.installMockForType(reachable, OutboxProducer.class);
            List<ConsumerRecord<String, byte[]>> records = topic.until(received -> received.stream()
                    .filter(r -> revisions.containsKey(r.key())).count() >= 15, Duration.ofSeconds(30));
            records = new ArrayList<>(topic.during(Duration.ofSeconds(1)));
            records.removeIf(r -> !revisions.containsKey(r.key()));

            assertEquals(15, records.size(), "exactly once");
            Set<String> eventIds = new HashSet<>();
            for (String id : revisions.keySet()) {
                List<ConsumerRecord<String, byte[]>> events = records.stream().filter(r -> id.equals(r.key())).toList();
                List<Integer> order = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> event : events) {
                    order.add(Json.MAPPER.readTree(event.value()).get("revision").asInt());
                    assertEquals(id, TopicReader.header(event, CloudEventHeaders.SUBJECT));
                    eventIds.add(TopicReader.header(event, CloudEventHeaders.ID));
                }
                assertEquals(List.of(0, 1, 2), order, "in order for incident " + id);
                assertEquals(List.of("incident.reported", "incident.updated", "incident.updated"),
                        events.stream().map(e -> TopicReader.header(e, CloudEventHeaders.TYPE)).toList());
            }
            assertEquals(15, eventIds.size());
            assertEquals(0, db.single("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        } finally {
            unreachable.close();
            reachable.close();
        }
    }

    private double failures() {
        return registry.counter("centinela_intake_outbox_publish_failures_total").count();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
