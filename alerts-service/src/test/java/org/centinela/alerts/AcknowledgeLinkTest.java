package org.centinela.alerts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.centinela.alerts.acknowledgement.AcknowledgeLinks;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.Topics;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.Api;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.TopicReader;
import org.centinela.testkit.WebhookReceiver;
import org.junit.jupiter.api.Test;

/** One-click acknowledgement from the message (SPEC §5 "Beyond a single hop"): no bearer token, signed, once. */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class AcknowledgeLinkTest {

    private static final EventPublisher EVENTS = EventPublisher.onTestTopics("test-alerts.");
    private static final Api API = Api.inProcess();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("https?://\\S+/ack/\\S+");

    @Inject
    AcknowledgeLinks links;

    @Test
    void theLinkOfAWebhookAcknowledgesOnceAfterConfirmationRecordingWhoAndThroughWhichChannel() throws Exception {
        try (WebhookReceiver hook = WebhookReceiver.start(); TopicReader alertEvents = TopicReader.fromNow(EVENTS.topic(Topics.ALERTS))) {
            Api.CreatedTeam team = API.createTeam("PE-PIU", "en", "HIGH", "link-ack@brigada.test", hook);
            IncidentEventData incident = urgent();
            String alertId = ResolveTest.alertOf(team, incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> hook.calls().size() == 1);
            String link = JSON.readTree(hook.calls().get(0).body()).get("acknowledgeLink").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("link-ack@brigada.test").size() == 1);
            String mailLink = firstLink(String.valueOf(GreenMailResource.messagesTo("link-ack@brigada.test").get(0).getContent()));
            assertThat(mailLink).isNotEqualTo(link).contains("/ack/" + alertId + "/");

            given().get(path(link)).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString(incident.reference())).body(containsString("<form"));
            Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().body("status", equalTo("OPEN"));

            given().formParam("name", "María <Q>").post(path(link)).then().statusCode(200)
                    .contentType(containsString("text/html")).body(containsString("María &lt;Q&gt;"));
            Api.as(team.token()).get("/api/v1/alerts/" + alertId).then().statusCode(200)
                    .body("status", equalTo("ACKNOWLEDGED"))
                    .body("acknowledgement.by", equalTo("María <Q>"))
                    .body("acknowledgement.via", equalTo("WEBHOOK"))
                    .body("acknowledgement.teamId", equalTo(team.id().toString()));
            alertEvents.await(record -> record.key().equals(incident.incidentId().toString())
                    && "alert.acknowledged".equals(TopicReader.header(record, CloudEventHeaders.TYPE)), 1);

            given().formParam("name", "Otra").post(path(link)).then().statusCode(410).body(containsString("used"));
            given().formParam("name", "").post(path(mailLink)).then().statusCode(200);
            Api.as(team.token()).get("/api/v1/alerts/" + alertId).then()
                    .body("acknowledgement.by", equalTo("María <Q>")).body("acknowledgement.via", equalTo("WEBHOOK"));
        }
    }

    @Test
    void forgedExpiredAndOtherAlertsLinksGetAClearPageAndChangeNothing() throws Exception {
        Api.CreatedTeam team = API.createTeam("PE-PIU", "es", "HIGH", "link-bad@brigada.test", null);
        IncidentEventData first = urgent();
        IncidentEventData second = urgent();
        String alertId = ResolveTest.alertOf(team, first);
        String otherAlert = ResolveTest.alertOf(team, second);
        await().atMost(Duration.ofSeconds(20)).until(() -> GreenMailResource.messagesTo("link-bad@brigada.test").size() >= 2);
        String link = GreenMailResource.messagesTo("link-bad@brigada.test").stream().map(AcknowledgeLinkTest::content)
                .map(AcknowledgeLinkTest::firstLink).filter(found -> found.contains("/ack/" + alertId + "/")).findFirst().orElseThrow();
        String token = link.substring(link.lastIndexOf('/') + 1);
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        String expired = links.token(UUID.fromString(alertId), team.id(), "EMAIL", "es", UUID.randomUUID(),
                Instant.now().minus(Duration.ofMinutes(1)));

        for (String bad : new String[] {"/ack/" + alertId + "/" + forged, "/ack/" + otherAlert + "/" + token,
                "/ack/" + alertId + "/not-a-token"}) {
            given().get(bad).then().statusCode(404).contentType(containsString("text/html")).body(containsString("no es válido"));
            given().formParam("name", "").post(bad).then().statusCode(404);
        }
        given().get("/ack/" + alertId + "/" + expired).then().statusCode(410).body(containsString("venció"));
        given().formParam("name", "").post("/ack/" + alertId + "/" + expired).then().statusCode(410);
        for (String alert : new String[] {alertId, otherAlert}) {
            Api.as(team.token()).get("/api/v1/alerts/" + alert).then().body("status", equalTo("OPEN"))
                    .body("acknowledgement", equalTo(null));
        }
    }

    private static IncidentEventData urgent() {
        IncidentEventData incident = IncidentData.reported().region("PE-PIU").violations(Violation.KILLING).build();
        EVENTS.reported(incident);
        return incident;
    }

    private static String firstLink(String text) {
        Matcher matcher = LINK.matcher(text);
        assertThat(matcher.find()).as("an acknowledge link in %s", text).isTrue();
        return matcher.group();
    }

    private static String content(jakarta.mail.internet.MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path of a link, against the service under test (links carry the configured public base URL). */
    private static String path(String link) {
        return URI.create(link).getRawPath();
    }
}
