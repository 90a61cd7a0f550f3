package org.centinela.reporting.attack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.testkit.EventPublisher;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.TestEnvironment;

/**
 * The planted incidents of the attacker suite, published once per test JVM through the test topics: the issue's
 * target (2011-03-15, PE-PUN, ENFORCED_DISAPPEARANCE by ARMED_FORCES, one woman defender of LGBTI_RIGHTS) among
 * background incidents of 2010–2012; PE-TUM's lone incident of July 2012; and, in PE-CUS in May 2012, three
 * KILLING incidents of a member organisation that knows them and one of another organisation.
 */
final class Planted {

    static final String ADMIN = TestEnvironment.adminToken();
    static final UUID MEMBER = UUID.randomUUID();
    static final int MEMBER_KILLINGS_IN_PE_CUS_MAY_2012 = 3;
    private static boolean published;

    private Planted() {
    }

    static synchronized void publishOnce() {
        if (published) {
            return;
        }
        List<IncidentEventData> incidents = new ArrayList<>();
        incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2011, 3, 15)).region("PE-PUN")
                .violations(Violation.ENFORCED_DISAPPEARANCE).perpetrators(Perpetrator.ARMED_FORCES)
                .defenders(1, 1, Sector.LGBTI_RIGHTS).build());
        // PE-PUN 2010: incidents like the target, so that windows before March 2011 hold large counts of its keys.
        for (int i = 0; i < 6; i++) {
            incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2010, 6, 1 + i)).region("PE-PUN")
                    .violations(Violation.ENFORCED_DISAPPEARANCE).perpetrators(Perpetrator.ARMED_FORCES)
                    .defenders(2, 1, Sector.LGBTI_RIGHTS).build());
        }
        // PE-PUN 2011 without March: three or four incidents a month of other kinds.
        for (int month : new int[] {1, 2, 4, 5, 6}) {
            for (int i = 0; i < 3 + month % 2; i++) {
                incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2011, month, 10 + i)).region("PE-PUN")
                        .violations(Violation.HARASSMENT).perpetrators(Perpetrator.POLICE)
                        .defenders(1, 0, Sector.ENVIRONMENTAL).build());
            }
        }
        // March 2011 elsewhere, and July 2012 in PE-LIM around PE-TUM's lone incident.
        for (int i = 0; i < 4; i++) {
            incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2011, 3, 3 + i)).region("PE-LIM")
                    .violations(Violation.DEATH_THREAT).perpetrators(Perpetrator.COMPANY)
                    .defenders(1, 0, Sector.JOURNALIST).build());
            incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2012, 7, 3 + i)).region("PE-LIM")
                    .violations(Violation.DEATH_THREAT).perpetrators(Perpetrator.COMPANY)
                    .defenders(1, 0, Sector.JOURNALIST).build());
        }
        incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2012, 7, 10)).region("PE-TUM")
                .violations(Violation.KILLING).perpetrators(Perpetrator.ILLEGAL_ECONOMY_GROUP).defenders(1, 0, Sector.LAND_AND_TERRITORY)
                .build());
        for (int i = 0; i < MEMBER_KILLINGS_IN_PE_CUS_MAY_2012; i++) {
            incidents.add(IncidentData.reported().organisation(MEMBER, "Member").occurredOn(LocalDate.of(2012, 5, 2 + i))
                    .region("PE-CUS").violations(Violation.KILLING).perpetrators(Perpetrator.POLICE)
                    .defenders(1, 0, Sector.INDIGENOUS_PEOPLES).build());
        }
        incidents.add(IncidentData.reported().occurredOn(LocalDate.of(2012, 5, 20)).region("PE-CUS")
                .violations(Violation.KILLING).perpetrators(Perpetrator.POLICE).defenders(1, 0, Sector.INDIGENOUS_PEOPLES)
                .build());

        String period = "/api/v1/stats/summary?exact=true&from=2010-01-01&to=2012-12-31";
        int before = given().auth().oauth2(ADMIN).get(period).then().statusCode(200).extract().path("incidents");
        try (EventPublisher events = EventPublisher.onTestTopics("test-reporting.")) {
            incidents.forEach(events::reported);
        }
        await().atMost(Duration.ofSeconds(20)).until(() ->
                given().auth().oauth2(ADMIN).get(period).then().extract().<Integer>path("incidents")
                        == before + incidents.size());
        published = true;
    }

    static String viewerToken() {
        return given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\":\"Attacker\"}")
                .post("/api/v1/viewers").then().statusCode(201).extract().path("token");
    }
}
