package org.centinela.intake.outbox;

import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.intake.Database;
import org.centinela.intake.QuietInstanceProfile;
import org.centinela.platform.config.CentinelaConfig;
import org.centinela.platform.kafka.TopicNames;
import org.centinela.platform.metrics.MetricNames;
import org.centinela.platform.outbox.OutboxConfig;
import org.centinela.platform.outbox.OutboxProducer;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.testkit.Api;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two relays (as in two intake instances) drain one outbox concurrently: each row is published once, and each
 * incident's events stay in order. The service's own relay is off in this profile so that only these two run.
 * (The test profile allows 45 requests per minute and organisation; this test makes 41.)
 */
@QuarkusTest
@TestProfile(QuietInstanceProfile.class)
class TwoRelaysTest {

    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CentinelaConfig centinela;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void twoRelaysPublishEveryRowOnceAndInOrderPerIncident() throws Exception {
        Api.Principal org = API.createOrganisation("Two relays " + marker());
        Database db = new Database(dataSource);
        // Rows left by other tests of this profile (no relay runs here) are drained too.
        long pendingBefore = db.single("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        Map<String, Integer> incidents = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            String id = as(org.token()).contentType(ContentType.JSON).body(exampleJson(marker()).toString())
                    .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
            for (int revision = 1; revision <= 3; revision++) {
                as(org.token()).contentType(ContentType.JSON).body("{\"note\":\"r" + revision + "\"}")
                        .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200);
            }
            incidents.put(id, 4);
        }
        assertEquals(pendingBefore + 40, db.single("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));

        OutboxProducer producerA = new OutboxProducer(bootstrapServers, Duration.ofSeconds(5), "two-relays-test");
        OutboxProducer producerB = new OutboxProducer(bootstrapServers, Duration.ofSeconds(5), "two-relays-test");
        OutboxRelay relayA = relay(producerA);
        OutboxRelay relayB = relay(producerB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TopicReader topic = TopicReader.fromNow(relayA.topic())) {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> byA = pool.submit(drain(relayA, db, start));
            Future<Integer> byB = pool.submit(drain(relayB, db, start));
            start.countDown();
            int publishedByA = byA.get();
            int publishedByB = byB.get();
            assertEquals(pendingBefore + 40, publishedByA + publishedByB, "rows claimed by the two relays together");
            assertTrue(publishedByA > 0 && publishedByB > 0, "both relays worked: " + publishedByA + "/" + publishedByB);

            topic.until(received -> received.stream().filter(r -> incidents.containsKey(r.key())).count() >= 40,
                    Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(topic.during(Duration.ofMillis(500)));
            records.removeIf(r -> !incidents.containsKey(r.key()));
            assertEquals(40, records.size(), "each row published once");
            Set<String> eventIds = new HashSet<>();
            for (String id : incidents.keySet()) {
                List<Integer> order = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (id.equals(record.key())) {
                        order.add(Json.MAPPER.readTree(record.value()).get("revision").asInt());
                        eventIds.add(TopicReader.header(record, CloudEventHeaders.ID));
                    }
                }
                assertEquals(List.of(0, 1, 2, 3), order, "order of incident " + id);
            }
            assertEquals(40, eventIds.size());
        } finally {
            pool.shutdownNow();
            producerA.close();
            producerB.close();
        }
    }

    /** Runs small batches until the outbox is empty; returns how many rows this relay published. */
    private static Callable<Integer> drain(OutboxRelay relay, Database db, CountDownLatch start) {
        return () -> {
            start.await();
            int total = 0;
            while (db.single("SELECT count(*) FROM outbox WHERE sent_at IS NULL") > 0) {
                total += relay.relayBatch();
            }
            return total;
        };
    }

    private OutboxRelay relay(OutboxProducer producer) {
        OutboxConfig config = new OutboxConfig() {
            public Optional<String> topic() {
                return Optional.of(Topics.INCIDENTS);
            }

            public boolean relayEnabled() {
                return true;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(10);
            }

            public int batchSize() {
                return 3;
            }

            public boolean notifyOnCommit() {
                return false;
            }

            public Duration deliveryTimeout() {
                return Duration.ofSeconds(5);
            }

            public Duration maxBackoff() {
                return Duration.ofSeconds(1);
            }

            public Duration retention() {
                return Duration.ofDays(7);
            }

            public Duration pruneEvery() {
                return Duration.ofHours(1);
            }
        };
        return new OutboxRelay(dataSource, producer, config, new TopicNames("test-intake."), centinela,
                new SimpleMeterRegistry(), new MetricNames("intake-service"));
    }
}
