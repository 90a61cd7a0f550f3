package org.centinela.intake;

import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.platform.outbox.OutboxRelay;
import org.centinela.testkit.Api;
import org.centinela.testkit.Json;
import org.centinela.testkit.TopicReader;
import org.junit.jupiter.api.Test;

/** Exact coordinates and the locality are personal (SPEC §2, §7): encrypted at rest; region and 0.1° stay clear. */
@QuarkusTest
class LocationAtRestTest {

    private static final Api API = Api.inProcess();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxRelay relay;

    @Test
    void theLocalityAndExactCoordinatesAreEncryptedAndOnlyTheRoundedOnesStayInTheClear() throws Exception {
        String marker = marker();
        Api.Principal org = API.createOrganisation("Org " + marker);
        ObjectNode body = exampleJson(marker);
        body.put("locality", "Celendín LOC-" + marker);
        body.put("latitude", -6.873519);
        body.put("longitude", -78.151937);

        try (TopicReader topic = TopicReader.fromNow(relay.topic())) {
            String id = as(org.token()).contentType(ContentType.JSON).body(body.toString()).post("/api/v1/incidents")
                    .then().statusCode(201).extract().path("id");

            String rows = new Database(dataSource).dump("incident");
            for (String personal : new String[] {"LOC-" + marker, "6.873519", "78.151937"}) {
                assertFalse(rows.contains(personal), "incident holds " + personal + " in the clear: " + rows);
            }
            Database db = new Database(dataSource);
            assertEquals(-69, db.single("SELECT round(latitude_rounded * 10) FROM incident WHERE id = '" + id + "'"));
            assertEquals(-782, db.single("SELECT round(longitude_rounded * 10) FROM incident WHERE id = '" + id + "'"));

            as(org.token()).get("/api/v1/incidents/" + id).then().statusCode(200)
                    .body("locality", equalTo("Celendín LOC-" + marker))
                    .body("latitude", equalTo(-6.873519f))
                    .body("longitude", equalTo(-78.151937f));
            as(org.token()).get("/api/v1/incidents").then().statusCode(200)
                    .body("items[0].id", equalTo(id))
                    .body("items[0]", not(hasKey("locality")))
                    .body("items[0]", not(hasKey("latitude")))
                    .body("items[0]", not(hasKey("longitude")));

            as(org.token()).contentType(ContentType.JSON).body("{\"verification\":\"CONFIRMED\"}")
                    .post("/api/v1/incidents/" + id + "/updates").then().statusCode(200)
                    .body("latitude", equalTo(-6.873519f));
            var records = topic.until(r -> r.stream().filter(rec -> id.equals(rec.key())).count() == 2, Duration.ofSeconds(10));
            for (ConsumerRecord<String, byte[]> record : records) {
                if (id.equals(record.key())) {
                    var data = Json.MAPPER.readTree(record.value());
                    assertEquals(-6.9, data.get("latitude").asDouble());
                    assertEquals(-78.2, data.get("longitude").asDouble());
                    assertFalse(new String(record.value()).contains("LOC-" + marker));
                }
            }
        }
    }
}
