package org.centinela.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.Topics;
import org.centinela.contract.event.AlertEventData;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.kafka.DeadLetterWriter;
import org.centinela.platform.security.Role;
import org.centinela.platform.security.TokenService;
import org.centinela.reporting.disclosure.PerturbationTable;
import org.centinela.reporting.ingest.LiveConsumer;
import org.centinela.testkit.AlertData;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.TestEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * reporting-service against the test broker and PostgreSQL: records are written onto this service's test topics
 * as intake and alerts write them, and every assertion is on what a dashboard or analyst gets over HTTP (or a
 * record on the DLQ). Each test uses incidents of its own year, so tests do not see each other's figures; the
 * rebuild (which reads the topics from the beginning, earlier runs included) runs last.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportingServiceTest {

    static final String ADMIN = TestEnvironment.adminToken();
    static final Duration FRESH = Duration.ofSeconds(2);

    @Inject
    ObjectMapper json;
    @Inject
    LiveConsumer consumer;
    @Inject
    TokenService tokens;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URL root;

    EventPublisher events;
    String viewer;

    @BeforeEach
    void consumerReady() {
        if (events == null) {
            events = EventPublisher.onTestTopics("test-reporting.");
        }
        await().atMost(Duration.ofSeconds(30)).until(consumer::isAssigned);
        if (viewer == null) {
            viewer = given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Dashboard\"}")
                    .post("/api/v1/viewers").then().statusCode(201).extract().path("token");
        }
    }

    @AfterAll
    void closeProducer() {
        events.close();
    }

    // ---- a known set of incidents, 2001 ---------------------------------------------------------------

    IncidentEventData a2001;
    IncidentEventData c2001;

    private void publishKnownSet() {
        LocalDate march = LocalDate.of(2001, 3, 10);
        a2001 = incident(march, "PE-CAJ", List.of(Violation.PHYSICAL_ATTACK, Violation.DEATH_THREAT),
                List.of(Perpetrator.POLICE, Perpetrator.PRIVATE_SECURITY), 3, 1,
                List.of(Sector.ENVIRONMENTAL, Sector.INDIGENOUS_PEOPLES));
        IncidentEventData b = incident(march.plusDays(10), "PE-CAJ", List.of(Violation.DEATH_THREAT),
                List.of(Perpetrator.COMPANY), 1, 1, List.of(Sector.ENVIRONMENTAL));
        c2001 = incident(LocalDate.of(2001, 5, 2), "PE-LOR", List.of(Violation.KILLING),
                List.of(Perpetrator.UNKNOWN), 1, 0, List.of(Sector.LAND_AND_TERRITORY));
        IncidentEventData d = incident(LocalDate.of(2001, 5, 15), "PE-CAJ", List.of(Violation.HARASSMENT),
                List.of(Perpetrator.POLICE), 2, 2, List.of(Sector.JOURNALIST));
        for (IncidentEventData incident : List.of(a2001, b, c2001, d)) {
            events.reported(incident);
        }
        events.updated(updated(a2001, 1, JusticeStatus.COMPLAINT_FILED, Verification.CONFIRMED));
        events.updated(updated(a2001, 2, JusticeStatus.ARCHIVED_WITHOUT_SANCTION, Verification.CONFIRMED));
        events.updated(updated(c2001, 1, JusticeStatus.UNDER_INVESTIGATION, Verification.LIKELY));
        // A stale copy of D's state (revision 0 again, another event id) must not move it.
        events.updated(updated(d, 0, JusticeStatus.CONVICTION, Verification.CONFIRMED));
    }

    private static JsonPath summary(String token, String query) {
        return given().auth().oauth2(token).get("/api/v1/stats/summary" + (query.isEmpty() ? "" : "?" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static final String Y2001 = "from=2001-01-01&to=2001-12-31";

    @Test
    @Order(1)
    void aKnownSetOfIncidentsYieldsExactlyTheExpectedSummaryTimeseriesAndCsv() {
        publishKnownSet();
        await().atMost(FRESH.multipliedBy(3)).untilAsserted(() -> {
            JsonPath figures = summary(ADMIN, Y2001 + "&exact=true");
            assertEquals(1, figures.getInt("byJusticeStatus.ARCHIVED_WITHOUT_SANCTION"));
            assertEquals(1, figures.getInt("byJusticeStatus.UNDER_INVESTIGATION"));
        });

        JsonPath exact = summary(ADMIN, Y2001 + "&exact=true");
        assertEquals(4, exact.getInt("incidents"));
        assertEquals(7, exact.getInt("defendersAffected"));
        assertEquals(4, exact.getInt("womenDefendersAffected"));
        assertEquals(Map.of("PHYSICAL_ATTACK", 1, "DEATH_THREAT", 2, "KILLING", 1, "HARASSMENT", 1),
                nonZero(exact.getMap("byViolation")));
        assertEquals(Violation.values().length, exact.getMap("byViolation").size());
        assertEquals(Map.of("PE-CAJ", 3, "PE-LOR", 1), nonZero(exact.getMap("byRegion")));
        assertEquals(26, exact.getMap("byRegion").size());
        assertEquals(Map.of("POLICE", 2, "PRIVATE_SECURITY", 1, "COMPANY", 1, "UNKNOWN", 1),
                nonZero(exact.getMap("byPerpetrator")));
        assertEquals(Map.of("STATE", 2, "NON_STATE", 2, "UNKNOWN", 1), exact.getMap("byPerpetratorKind"));
        assertEquals(Map.of("ENVIRONMENTAL", 2, "INDIGENOUS_PEOPLES", 1, "LAND_AND_TERRITORY", 1, "JOURNALIST", 1),
                nonZero(exact.getMap("bySector")));
        assertEquals(Map.of("NOT_REPORTED", 2, "ARCHIVED_WITHOUT_SANCTION", 1, "UNDER_INVESTIGATION", 1),
                nonZero(exact.getMap("byJusticeStatus")));
        assertEquals(JusticeStatus.values().length, exact.getMap("byJusticeStatus").size());
        assertEquals(Map.of("2001-03", 2, "2001-05", 2), nonZero(exact.getMap("byMonth")));
        assertEquals(12, exact.getMap("byMonth").size());
        assertEquals(0, exact.getInt("byMonth.'2001-04'"));
        assertNotNull(exact.getString("asOf"));

        JsonPath filtered = summary(ADMIN, Y2001 + "&exact=true&perpetratorKind=STATE&region=PE-CAJ");
        assertEquals(2, filtered.getInt("incidents"));
        assertEquals(Map.of("PE-CAJ", 2), nonZero(filtered.getMap("byRegion")));
        assertEquals(1, summary(ADMIN, Y2001 + "&exact=true&violation=KILLING&violation=HARASSMENT&sector=JOURNALIST")
                .getInt("incidents"));

        JsonPath series = given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/timeseries?" + Y2001 + "&exact=true&interval=month&groupBy=region")
                .then().statusCode(200).body("interval", equalTo("month")).body("groupBy", equalTo("region"))
                .extract().jsonPath();
        assertEquals(12, series.getList("series").size());
        assertEquals("2001-03", series.getString("series[2].period"));
        assertEquals(2, series.getInt("series[2].incidents"));
        assertEquals(Map.of("PE-CAJ", 2), nonZero(series.getMap("series[2].counts")));
        assertEquals(Map.of("PE-CAJ", 1, "PE-LOR", 1), nonZero(series.getMap("series[4].counts")));
        JsonPath yearly = given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/timeseries?" + Y2001 + "&exact=true&interval=year&groupBy=perpetratorKind")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2001"), yearly.getList("series.period"));
        assertEquals(Map.of("STATE", 2, "NON_STATE", 2, "UNKNOWN", 1), yearly.getMap("series[0].counts"));

        String csv = given().auth().oauth2(ADMIN).get("/api/v1/stats/export.csv?" + Y2001 + "&exact=true")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("breakdown,key,incidents", lines.get(0));
        assertTrue(lines.containsAll(List.of("total,incidents,4", "byRegion,PE-CAJ,3", "byRegion,PE-LOR,1",
                "byJusticeStatus,ARCHIVED_WITHOUT_SANCTION,1", "byJusticeStatus,UNDER_INVESTIGATION,1",
                "byJusticeStatus,CONVICTION,0", "byPerpetratorKind,STATE,2", "byMonth,2001-05,2")), csv);
        // Whole years are added up from per-year cells, other periods from the incidents: both say the same.
        String notWholeYear = "from=2001-01-01&to=2001-12-30&exact=true";
        assertEquals(withoutAsOf(summary(ADMIN, Y2001 + "&exact=true")), withoutAsOf(summary(ADMIN, notWholeYear)));
        for (String series2001 : List.of("interval=year&groupBy=violation", "interval=month&groupBy=region",
                "interval=year&groupBy=region", "interval=year&groupBy=sector")) {
            assertEquals(
                    withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/timeseries?" + Y2001 + "&exact=true&" + series2001).jsonPath()),
                    withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/timeseries?" + notWholeYear + "&" + series2001).jsonPath()),
                    series2001);
        }

        String seriesCsv = given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/export.csv?" + Y2001 + "&exact=true&interval=month&groupBy=region")
                .then().statusCode(200).extract().asString();
        assertEquals("period,key,incidents", seriesCsv.lines().findFirst().orElseThrow());
        assertTrue(seriesCsv.lines().toList().containsAll(List.of("2001-05,PE-LOR,1", "2001-03,PE-CAJ,2", "2001-04,PE-CAJ,0")));
    }

    @Test
    @Order(2)
    void replayingEveryEventTwiceChangesNoFigure() {
        String before = withoutAsOf(summary(ADMIN, Y2001 + "&exact=true"));
        String alertsBefore = withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/alerts?exact=true")
                .then().statusCode(200).extract().jsonPath());
        events.replayAll();
        // A marker after the replayed records: once it counts, every replayed record has been consumed.
        events.reported(incident(LocalDate.of(2009, 1, 1), "PE-PUN", List.of(Violation.OTHER),
                List.of(Perpetrator.UNKNOWN), 1, 0, List.of(Sector.OTHER)));
        await().atMost(FRESH.multipliedBy(3)).until(() ->
                summary(ADMIN, "from=2009-01-01&to=2009-12-31&exact=true").getInt("incidents") == 1);
        assertEquals(before, withoutAsOf(summary(ADMIN, Y2001 + "&exact=true")));
        assertEquals(alertsBefore, withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/alerts?exact=true")
                .then().statusCode(200).extract().jsonPath()));
    }

    @Test
    @Order(3)
    void viewersSeeProtectedCountsThatAgreeAcrossQuestionsAndAdminsSeeExactFigures() {
        // 2002: PE-CAJ 5, PE-PUN 4, PE-LOR 1.
        LocalDate day = LocalDate.of(2002, 7, 1);
        for (int i = 0; i < 5; i++) {
            events.reported(incident(day, "PE-CAJ", List.of(Violation.HARASSMENT), List.of(Perpetrator.POLICE),
                    1, 0, List.of(Sector.ENVIRONMENTAL)));
        }
        for (int i = 0; i < 4; i++) {
            events.reported(incident(day, "PE-PUN", List.of(Violation.HARASSMENT), List.of(Perpetrator.POLICE),
                    1, 0, List.of(Sector.ENVIRONMENTAL)));
        }
        events.reported(incident(day, "PE-LOR", List.of(Violation.KILLING), List.of(Perpetrator.POLICE),
                2, 1, List.of(Sector.ENVIRONMENTAL)));
        String y2002 = "from=2002-01-01&to=2002-12-31";
        await().atMost(FRESH.multipliedBy(3)).until(() -> summary(ADMIN, y2002 + "&exact=true").getInt("incidents") == 10);

        JsonPath exact = summary(ADMIN, y2002 + "&exact=true");
        JsonPath viewerView = summary(viewer, y2002);
        assertEquals(withoutAsOf(viewerView), withoutAsOf(summary(viewer, y2002)), "the same question, the same answer");
        // Every count is null, 0 (small) or at least k, within the perturbation table's reach of the true count.
        for (String breakdown : List.of("byViolation", "byRegion", "byPerpetrator", "byPerpetratorKind", "bySector",
                "byJusticeStatus", "byVerification", "byMonth")) {
            Map<String, Object> cells = viewerView.getMap(breakdown);
            assertEquals(exact.getMap(breakdown).keySet(), cells.keySet(), breakdown + ": every key present");
            assertNotEquals(1, cells.values().stream().filter(v -> v == null).count(), breakdown + " has a lone null");
            cells.forEach((key, value) -> protectedCount(value, exact.getMap(breakdown).get(key), breakdown + "." + key));
        }
        for (String total : List.of("incidents", "defendersAffected", "womenDefendersAffected")) {
            protectedCount(viewerView.get(total), exact.get(total), total);
        }
        Object lor = viewerView.get("byRegion.PE-LOR");
        assertTrue(lor == null || ((Number) lor).longValue() == 0, "PE-LOR's single incident is a small cell: " + lor);

        // The CSV and the yearly time series show the same records with the same value.
        String csv = given().auth().oauth2(viewer).get("/api/v1/stats/export.csv?" + y2002).then().statusCode(200)
                .extract().asString();
        Object caj = viewerView.get("byRegion.PE-CAJ");
        assertTrue(csv.contains("byRegion,PE-CAJ," + (caj == null ? "" : caj) + "\r\n"), csv);
        JsonPath series = given().auth().oauth2(viewer)
                .get("/api/v1/stats/timeseries?" + y2002 + "&interval=year&groupBy=region").then().statusCode(200)
                .extract().jsonPath();
        assertEquals((Object) viewerView.get("incidents"), series.get("series[0].incidents"));

        JsonPath admin = summary(ADMIN, y2002 + "&exact=true");
        assertEquals(1, admin.getInt("byRegion.PE-LOR"));
        assertEquals(4, admin.getInt("byRegion.PE-PUN"));
        assertEquals(1, admin.getInt("womenDefendersAffected"));
    }

    /** A published count: null or 0 for a small cell, otherwise at least k and within the table's reach of the truth. */
    private static void protectedCount(Object shown, Object truth, String what) {
        long n = ((Number) truth).longValue();
        if (shown == null || ((Number) shown).longValue() == 0) {
            assertTrue(n < 3 + PerturbationTable.MAX_NOISE, what + ": small but " + n);
            return;
        }
        long value = ((Number) shown).longValue();
        assertTrue(value >= 3 && Math.abs(value - n) <= PerturbationTable.MAX_NOISE, what + ": " + value + " for " + n);
    }

    @Test
    @Order(4)
    void alertStatsCountRaisedAcknowledgedEscalatedAndTimeToAcknowledge() {
        Instant day = Instant.parse("2001-06-01T10:00:00Z");
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        events.alert(EventTypes.ALERT_RAISED, alert(x, Priority.CRITICAL, "PE-CAJ", day, day));
        events.alert(EventTypes.ALERT_ACKNOWLEDGED, alert(x, Priority.CRITICAL, "PE-CAJ", day,
                day.plusSeconds(240)));
        Instant yRaised = day.plusSeconds(3600);
        events.alert(EventTypes.ALERT_RAISED, alert(y, Priority.CRITICAL, "PE-CAJ", yRaised, yRaised));
        events.alert(EventTypes.ALERT_ESCALATED, alert(y, Priority.CRITICAL, "PE-CAJ", yRaised,
                yRaised.plusSeconds(300)));
        events.alert(EventTypes.ALERT_ACKNOWLEDGED, alert(y, Priority.CRITICAL, "PE-CAJ", yRaised,
                yRaised.plusSeconds(600)));
        Instant zRaised = day.plusSeconds(7200);
        events.alert(EventTypes.ALERT_RAISED, alert(z, Priority.HIGH, "PE-LOR", zRaised, zRaised));
        events.alert(EventTypes.ALERT_DELIVERY_FAILED, alert(z, Priority.HIGH, "PE-LOR", zRaised, zRaised));
        events.alert(EventTypes.ALERT_DELIVERY_FAILED, alert(z, Priority.HIGH, "PE-LOR", zRaised, zRaised));
        String june = "/api/v1/stats/alerts?from=2001-06-01&to=2001-06-30";
        await().atMost(FRESH.multipliedBy(3)).untilAsserted(() -> given().auth().oauth2(ADMIN).get(june + "&exact=true")
                .then().statusCode(200).body("deliveryFailures", equalTo(2)).body("acknowledged", equalTo(2)));
        given().auth().oauth2(ADMIN).get(june + "&exact=true").then()
                .body("raised", equalTo(3)).body("escalated", equalTo(1))
                .body("timeToAcknowledgeSeconds.CRITICAL.median", equalTo(420))
                .body("timeToAcknowledgeSeconds.CRITICAL.p90", equalTo(564))
                .body("timeToAcknowledgeSeconds.HIGH.median", nullValue())
                .body("byRegion.PE-CAJ.raised", equalTo(2)).body("byRegion.PE-CAJ.acknowledged", equalTo(2))
                .body("byRegion.PE-CAJ.medianSecondsToAcknowledge", equalTo(420))
                .body("byRegion.PE-LOR.raised", equalTo(1)).body("byRegion.PE-LOR.acknowledged", equalTo(0))
                .body("byRegion.PE-AMA.raised", equalTo(0));
        // Two alerts: a small count (null or 0 for a viewer), and no median over fewer than k acknowledgements.
        given().auth().oauth2(viewer).get(june + "&region=PE-CAJ").then().statusCode(200)
                .body("raised", anyOf(nullValue(), equalTo(0)))
                .body("timeToAcknowledgeSeconds.CRITICAL.median", nullValue());
    }

    @Test
    @Order(5)
    void anUnchangedAnswerIs304AndANewIncidentChangesTheEtagWithinTwoSeconds() {
        String query = "/api/v1/stats/summary?from=2003-01-01&to=2003-12-31";
        Response first = given().auth().oauth2(viewer).get(query);
        first.then().statusCode(200).header("Cache-Control", containsString("no-cache"))
                .header("Cache-Control", containsString("private"));
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong ETag: " + etag);
        given().auth().oauth2(viewer).header("If-None-Match", etag).get(query)
                .then().statusCode(304).header("ETag", etag).body(equalTo(""));
        // Another query, or exact figures, are other bodies with other ETags.
        assertNotEquals(etag, given().auth().oauth2(viewer).get(query + "&region=PE-CAJ").header("ETag"));
        assertNotEquals(etag, given().auth().oauth2(ADMIN).get(query + "&exact=true").header("ETag"));

        events.reported(incident(LocalDate.of(2003, 2, 2), "PE-CUS", List.of(Violation.SURVEILLANCE),
                List.of(Perpetrator.ARMED_FORCES), 4, 2, List.of(Sector.LAWYER)));
        Instant produced = Instant.now();
        await().atMost(FRESH).pollInterval(Duration.ofMillis(50)).until(() ->
                given().auth().oauth2(viewer).header("If-None-Match", etag).get(query).statusCode() == 200);
        Response changed = given().auth().oauth2(viewer).header("If-None-Match", etag).get(query);
        assertNotEquals(etag, changed.header("ETag"));
        assertTrue(Duration.between(produced, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0);
        given().auth().oauth2(ADMIN).get(query + "&exact=true").then().body("incidents", equalTo(1))
                .body("byRegion.PE-CUS", equalTo(1));
    }

    @Test
    @Order(6)
    void aPoisonRecordGoesToTheDlqAndTheNextGoodOneIsApplied() {
        String dlq = events.topic(Topics.INCIDENTS) + ".dlq";
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEnvironment.kafka()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = reader.partitionsFor(dlq).stream()
                    .map(info -> new TopicPartition(dlq, info.partition())).toList();
            reader.assign(partitions);
            reader.seekToEnd(partitions);
            partitions.forEach(reader::position);

            String poisonKey = UUID.randomUUID().toString();
            events.poison(Topics.INCIDENTS, EventTypes.INCIDENT_REPORTED, poisonKey);
            events.reported(incident(LocalDate.of(2004, 4, 4), "PE-ICA", List.of(Violation.DEFAMATION),
                    List.of(Perpetrator.MEDIA), 1, 1, List.of(Sector.JOURNALIST)));

            await().atMost(FRESH.multipliedBy(3)).until(() ->
                    summary(ADMIN, "from=2004-01-01&to=2004-12-31&exact=true").getInt("incidents") == 1);
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(record -> poisonKey.equals(record.key()));
            });
            ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
            assertEquals("{not json", new String(record.value(), StandardCharsets.UTF_8));
            assertTrue(CloudEventHeaders.read(record.headers(), DeadLetterWriter.REASON).orElseThrow().startsWith("data is not IncidentEventData JSON"));
            assertEquals(events.topic(Topics.INCIDENTS), CloudEventHeaders.read(record.headers(), DeadLetterWriter.TOPIC).orElseThrow());
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("centinela_reporting_consumer_dead_lettered_records_total{consumer=\"aggregates\"}"))
                    .body(containsString("centinela_reporting_consumer_processed_records_total{consumer=\"aggregates\"}"));
        }
    }

    @Test
    @Order(7)
    void onlyViewersAndAdminsReadStatisticsAndOnlyAdminsExactFigures() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka consumers"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/stats/summary"))
                .body(containsString("/api/v1/admin/rebuild")).body(containsString("/api/v1/viewers"));
        given().get("/api/v1/stats/summary").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/stats/summary").then().statusCode(401);
        given().auth().oauth2(tokens.issue(UUID.randomUUID(), Role.REPORTER)).get("/api/v1/stats/summary")
                .then().statusCode(403);
        given().auth().oauth2(tokens.issue(UUID.randomUUID(), Role.RESPONDER)).get("/api/v1/stats/alerts")
                .then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/stats/summary").then().statusCode(200);
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?exact=true").then().statusCode(403);
        given().auth().oauth2(viewer).get("/api/v1/stats/export.csv?exact=true").then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/v1/stats/summary?exact=true").then().statusCode(200);
        given().auth().oauth2(viewer).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(viewer).contentType("application/json").body("{\"name\":\"x\"}")
                .post("/api/v1/viewers").then().statusCode(403);

        given().auth().oauth2(viewer).get("/api/v1/stats/summary?colour=red").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("colour"));
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?region=PE-XXX").then().statusCode(400)
                .body("errors.field", hasItem("region"));
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?violation=killing").then().statusCode(400);
        given().auth().oauth2(viewer).get("/api/v1/stats/summary?from=2020-13-01").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().auth().oauth2(viewer).get("/api/v1/stats/timeseries?interval=week&groupBy=region").then()
                .statusCode(400).body("errors.field", hasItem("interval"));
        given().auth().oauth2(viewer).get("/api/v1/stats/timeseries?interval=month").then().statusCode(400)
                .body("errors.field", hasItem("groupBy"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"\"}")
                .post("/api/v1/viewers").then().statusCode(400);

        String doomed = given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Old dashboard\"}")
                .post("/api/v1/viewers").then().statusCode(201).body("name", equalTo("Old dashboard"))
                .body("id", notNullValue()).extract().asString();
        JsonPath created = JsonPath.from(doomed);
        given().auth().oauth2(created.getString("token")).get("/api/v1/stats/summary").then().statusCode(200);
        given().auth().oauth2(ADMIN).delete("/api/v1/viewers/" + created.getString("id")).then().statusCode(204);
        given().auth().oauth2(created.getString("token")).get("/api/v1/stats/summary").then().statusCode(401);
        given().auth().oauth2(ADMIN).delete("/api/v1/viewers/" + created.getString("id")).then().statusCode(404);
    }

    @Test
    @Order(8)
    void theDashboardShowsTheSameNumbersAsTheApi() throws Exception {
        Dashboard.assumeChromium();
        JsonPath api = summary(viewer, "");
        String dom = Dashboard.render(root, viewer);
        assertTrue(dom.contains("Incidents per month"), "English labels");
        assertTrue(dom.contains("Figures are protected"), "the notice that figures are protected");
        // The CSV offered is that of the figures shown (the same question to export.csv).
        assertTrue(dom.matches("(?s).*<a [^>]*id=\"csv\"[^>]*data-href=\"/api/v1/stats/export\\.csv\\?\"[^>]*>.*"), dom);
        assertEquals(shown(api.get("incidents")), Dashboard.figure(dom, "incidents"));
        assertEquals(shown(api.get("defendersAffected")), Dashboard.figure(dom, "defendersAffected"));
        for (String breakdown : List.of("byViolation", "byRegion", "byPerpetratorKind", "bySector", "byJusticeStatus",
                "byMonth")) {
            Map<String, Object> cells = api.getMap(breakdown);
            assertTrue(!cells.isEmpty());
            for (Map.Entry<String, Object> cell : cells.entrySet()) {
                assertEquals(shown(cell.getValue()), Dashboard.cell(dom, breakdown, cell.getKey()),
                        breakdown + " " + cell.getKey());
            }
        }
    }

    @Test
    @Order(9)
    void aRebuildAfterDeletingEveryAggregateYieldsTheSameFigures() throws Exception {
        // First bring the figures in line with the whole topic history (earlier test runs included).
        rebuildAndWait();
        String y2005 = "from=2005-01-01&to=2005-12-31&exact=true";
        int earlier = summary(ADMIN, y2005).getInt("incidents");
        events.reported(incident(LocalDate.of(2005, 5, 5), "PE-TAC", List.of(Violation.RAID_OR_BREAK_IN),
                List.of(Perpetrator.LANDOWNER), 1, 0, List.of(Sector.LABOUR_RIGHTS)));
        await().atMost(FRESH.multipliedBy(3)).until(() ->
                summary(ADMIN, y2005).getInt("incidents") == earlier + 1);
        String summaryBefore = withoutAsOf(summary(ADMIN, "exact=true"));
        String seriesBefore = withoutAsOf(given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/timeseries?exact=true&interval=year&groupBy=violation").jsonPath());
        String alertsBefore = withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/alerts?exact=true").jsonPath());
        // Record keys come from the incidents' ids, so a rebuild publishes the same protected figures too.
        String viewerBefore = withoutAsOf(summary(viewer, ""));

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM incident_fact");
            statement.executeUpdate("DELETE FROM incident_cell");
            statement.executeUpdate("DELETE FROM alert_fact");
            statement.executeUpdate("DELETE FROM processed_event");
        }
        assertEquals(0, summary(ADMIN, Y2001 + "&exact=true").getInt("incidents"));

        JsonPath progress = rebuildAndWait();
        assertTrue(progress.getLong("eventsTotal") > 0);
        assertEquals(progress.getLong("eventsTotal"), progress.getLong("eventsDone"));
        assertEquals(100.0, progress.getDouble("percent"));
        assertTrue(progress.getDouble("eventsPerSecond") > 0);
        assertEquals(summaryBefore, withoutAsOf(summary(ADMIN, "exact=true")));
        assertEquals(seriesBefore, withoutAsOf(given().auth().oauth2(ADMIN)
                .get("/api/v1/stats/timeseries?exact=true&interval=year&groupBy=violation").jsonPath()));
        assertEquals(alertsBefore, withoutAsOf(given().auth().oauth2(ADMIN).get("/api/v1/stats/alerts?exact=true").jsonPath()));
        assertEquals(viewerBefore, withoutAsOf(summary(viewer, "")));
    }

    private JsonPath rebuildAndWait() {
        given().auth().oauth2(ADMIN).post("/api/v1/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String state = given().auth().oauth2(ADMIN).get("/api/v1/admin/rebuild").then().statusCode(200)
                    .extract().path("state");
            return "DONE".equals(state) || "FAILED".equals(state);
        });
        JsonPath progress = given().auth().oauth2(ADMIN).get("/api/v1/admin/rebuild").jsonPath();
        assertEquals("DONE", progress.getString("state"), progress.prettify());
        return progress;
    }

    private static String shown(Object value) {
        return value == null ? "—" : String.valueOf(value);
    }

    private static IncidentEventData incident(LocalDate occurredOn, String region, List<Violation> violations,
                                              List<Perpetrator> perpetrators, int defenders, int women,
                                              List<Sector> sectors) {
        return IncidentData.reported().occurredOn(occurredOn).region(region).violations(violations)
                .perpetrators(perpetrators).defenders(defenders, women, sectors).build();
    }

    private static IncidentEventData updated(IncidentEventData incident, int revision, JusticeStatus justice,
                                             Verification verification) {
        return IncidentData.next(incident).revision(revision).justiceStatus(justice).verification(verification).build();
    }

    private static AlertEventData alert(UUID alertId, Priority priority, String region, Instant raisedAt, Instant at) {
        return AlertData.of(alertId).priority(priority).region(region).raisedAt(raisedAt).at(at).build();
    }

    private String withoutAsOf(JsonPath body) {
        Map<String, Object> map = new HashMap<>(body.getMap(""));
        map.remove("asOf");
        try {
            return json.writeValueAsString(new java.util.TreeMap<>(map));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> nonZero(Map<String, Object> cells) {
        Map<String, Object> nonZero = new HashMap<>();
        cells.forEach((key, value) -> {
            if (!(value instanceof Number number) || number.longValue() != 0) {
                nonZero.put(key, value);
            }
        });
        return nonZero;
    }

    private static void assertNotNull(Object value) {
        org.junit.jupiter.api.Assertions.assertNotNull(value);
    }
}
