package org.centinela.intake;

import static org.centinela.intake.IncidentRequests.postWithKey;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.testkit.Api;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Idempotency-Key: the first answer again for the same key and body, once under concurrency, kept for the retention. */
@QuarkusTest
class IdempotencyTest extends WithOrganisation {

    @Inject
    OutboxRelay relay;

    @Test
    void sameIdempotencyKeyAndEqualBodyGivesTheFirstAnswerAgain() throws Exception {
        String key = "retry,1 " + marker();
        ObjectNode body = exampleJson(marker());
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            var first = postWithKey(org.token(), key, body.toString());
            assertEquals(201, first.statusCode());
            long incidents = db.count("incident");

            // Equal JSON with the keys in another order and other whitespace.
            var reordered = Json.MAPPER.createObjectNode();
            List<String> names = new java.util.ArrayList<>();
            body.fieldNames().forEachRemaining(names::add);
            java.util.Collections.reverse(names);
            names.forEach(name -> reordered.set(name, body.get(name)));
            var again = postWithKey(org.token(), key, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reordered));
            assertEquals(201, again.statusCode());
            assertEquals(first.asString(), again.asString());
            assertEquals(first.header("Location"), again.header("Location"));
            assertEquals(incidents, db.count("incident"));

            ObjectNode other = body.deepCopy();
            other.put("locality", "Bambamarca");
            var conflict = postWithKey(org.token(), key, other.toString());
            assertEquals(422, conflict.statusCode());
            assertEquals("application/problem+json", conflict.contentType());
            assertEquals(incidents, db.count("incident"));

            // Keys are per organisation: another organisation's same key is a new request.
            Api.Principal second = API.createOrganisation("Second " + marker());
            var elsewhere = postWithKey(second.token(), key, body.toString());
            assertEquals(201, elsewhere.statusCode());
            assertFalse(first.path("id").equals(elsewhere.path("id")));

            String id = first.path("id");
            var records = topic.until(r -> r.stream().anyMatch(rec -> elsewhere.path("id").equals(rec.key())), Duration.ofSeconds(10));
            records = topic.during(Duration.ofMillis(300));
            assertEquals(1, records.stream().filter(rec -> id.equals(rec.key())).count(), "one event for the repeated request");
        }
    }

    @Test
    void twentyConcurrentDuplicatesMakeOneIncidentOneEventAndTwentyEqualAnswers() throws Exception {
        String key = "burst-" + marker();
        String body = exampleJson(marker()).toString();
        long incidentsBefore = db.count("incident");
        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ExtractableResponse<Response>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return postWithKey(org.token(), key, body);
                }));
            }
            start.countDown();
            java.util.Set<String> bodies = new java.util.HashSet<>();
            java.util.Set<String> locations = new java.util.HashSet<>();
            for (var answer : answers) {
                var response = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                bodies.add(response.asString());
                locations.add(response.header("Location"));
            }
            pool.shutdown();
            assertEquals(1, bodies.size(), "twenty identical answers");
            assertEquals(1, locations.size());
            assertEquals(incidentsBefore + 1, db.count("incident"));

            String id = Json.MAPPER.readTree(bodies.iterator().next()).get("id").asText();
            topic.until(r -> r.stream().anyMatch(rec -> id.equals(rec.key())), Duration.ofSeconds(10));
            var records = topic.during(Duration.ofMillis(500));
            assertEquals(1, records.stream().filter(rec -> id.equals(rec.key())).count(), "one event");
        }
    }

    @Inject
    org.centinela.intake.idempotency.IdempotencyKeyExpiry expiry;

    @Test
    void idempotencyKeysAreKeptForTheRetentionThenForgotten() throws Exception {
        String key = "expiring-" + marker();
        String body = exampleJson(marker()).toString();
        String first = postWithKey(org.token(), key, body).path("id");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            // 47 h old: still inside the 48 h retention.
            statement.executeUpdate("UPDATE idempotency_key SET created_at = now() - interval '47 hours' WHERE key = '" + key + "'");
            expiry.expire();
            assertEquals(first, postWithKey(org.token(), key, body).path("id"));
            statement.executeUpdate("UPDATE idempotency_key SET created_at = now() - interval '49 hours' WHERE key = '" + key + "'");
        }
        expiry.expire();
        var again = postWithKey(org.token(), key, body);
        assertEquals(201, again.statusCode());
        assertFalse(first.equals(again.path("id")), "an expired key is a new request");
    }
}
