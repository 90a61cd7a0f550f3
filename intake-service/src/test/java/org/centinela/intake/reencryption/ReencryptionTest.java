package org.centinela.intake.reencryption;

import static org.awaitility.Awaitility.await;
import static org.centinela.testkit.Api.ADMIN;
import static org.centinela.testkit.Api.as;
import static org.centinela.testkit.IncidentBody.exampleJson;
import static org.centinela.testkit.IncidentBody.marker;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.centinela.intake.Database;
import org.centinela.platform.crypto.FieldCipher;
import org.centinela.testkit.Api;
import org.junit.jupiter.api.Test;

/** POST /api/v1/admin/reencrypt moves every ciphertext under a retired key to the current one, in batches. */
@QuarkusTest
@TestProfile(RetiredKeyProfile.class)
class ReencryptionTest {

    private static final FieldCipher BEFORE = FieldCipher.withKey("k0", RetiredKeyProfile.K0);
    private static final String UNDER_K0 = """
            SELECT (SELECT count(*) FROM incident WHERE description_enc LIKE 'k0:%' OR confidential_enc LIKE 'k0:%'
                        OR location_enc LIKE 'k0:%')
                 + (SELECT count(*) FROM incident_history WHERE note_enc LIKE 'k0:%')
                 + (SELECT count(*) FROM idempotency_key WHERE body_enc LIKE 'k0:%')""";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void valuesUnderTheRetiredKeyAreRewrittenUnderTheCurrentOneAndARunAgainRewritesOnlyWhatCameSince() throws Exception {
        String marker = marker();
        Api.Principal org = Api.inProcess().createOrganisation("Org " + marker);
        as(org.token()).header("Idempotency-Key", "before-" + marker).contentType(ContentType.JSON)
                .body(exampleJson(marker).toString()).post("/api/v1/incidents").then().statusCode(201);
        String id = as(org.token()).contentType(ContentType.JSON).body(exampleJson(marker).toString())
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        writtenBeforeTheRotation();
        // More than two batches of history notes, all from before the rotation.
        execute("INSERT INTO incident_history (incident_id, revision, at, actor_role, note_enc) SELECT '" + id
                + "', g, now(), 'admin', '" + BEFORE.encrypt("NOTE-OLD") + "' FROM generate_series(1, 1200) g");
        execute("UPDATE incident SET revision = 1200 WHERE id = '" + id + "'");
        Database db = new Database(dataSource);
        long underK0 = db.single(UNDER_K0);
        assertTrue(underK0 > 1200, "values under k0: " + underK0);

        JsonPath done = reencrypt();

        assertEquals(0, db.single(UNDER_K0));
        assertEquals(underK0, done.getLong("rewritten"));
        assertEquals(done.getLong("rowsTotal"), done.getLong("rowsDone"));
        as(org.token()).get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("confidential.victimNames", hasItem("VICTIM-" + marker))
                .body("locality", equalTo("Celendín"))
                .body("history[1200].note", equalTo("NOTE-OLD"));
        as(org.token()).header("Idempotency-Key", "before-" + marker).contentType(ContentType.JSON)
                .body(exampleJson(marker).toString()).post("/api/v1/incidents").then().statusCode(201)
                .body("description", equalTo("Golpeados durante la protesta DESC-" + marker));

        as(ADMIN).contentType(ContentType.JSON).body("{\"note\":\"LATE\"}").post("/api/v1/incidents/" + id + "/updates")
                .then().statusCode(200);
        // A value an instance not yet restarted with the new key wrote after the first run.
        execute("UPDATE incident_history SET note_enc = '" + BEFORE.encrypt("LATE") + "' "
                + "WHERE id = (SELECT max(id) FROM incident_history)");
        assertEquals(1, reencrypt().getLong("rewritten"));
    }

    @Test
    void onlyAdminsRunIt() {
        Api.Principal org = Api.inProcess().createOrganisation("Org " + marker());
        as(org.token()).post("/api/v1/admin/reencrypt").then().statusCode(403);
        as(org.token()).get("/api/v1/admin/reencrypt").then().statusCode(403);
    }

    private JsonPath reencrypt() {
        as(ADMIN).post("/api/v1/admin/reencrypt").then().statusCode(202).body("state", equalTo("RUNNING"));
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> as(ADMIN).get("/api/v1/admin/reencrypt").then().statusCode(200).extract().jsonPath(),
                progress -> !"RUNNING".equals(progress.getString("state")));
    }

    /** Every ciphertext as it was before the rotation: the same plaintext under k0. */
    private void writtenBeforeTheRotation() throws SQLException {
        FieldCipher current = FieldCipher.withKey("k1", System.getenv("CENTINELA_ENCRYPTION_KEY"));
        for (String[] column : new String[][] {{"incident", "id::text", "description_enc"},
                {"incident", "id::text", "confidential_enc"}, {"incident", "id::text", "location_enc"},
                {"idempotency_key", "organisation_id::text || key", "body_enc"}}) {
            List<String[]> rows = new ArrayList<>();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT " + column[1] + ", " + column[2] + " FROM " + column[0]
                         + " WHERE " + column[2] + " IS NOT NULL")) {
                while (row.next()) {
                    rows.add(new String[] {row.getString(1), BEFORE.encrypt(current.decrypt(row.getString(2)))});
                }
            }
            try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + column[0] + " SET " + column[2] + " = ? WHERE " + column[1] + " = ?")) {
                for (String[] row : rows) {
                    update.setString(1, row[1]);
                    update.setString(2, row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
