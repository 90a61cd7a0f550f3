package org.centinela.reporting.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.kafka.UnreadableEventException;
import org.centinela.testkit.IncidentData;
import org.centinela.testkit.Json;
import org.junit.jupiter.api.Test;

class IncidentJsonTest {

    private static final IncidentEventData INCIDENT = IncidentData.reported().occurredOn(LocalDate.of(2011, 7, 9))
            .region("PE-PIU").violations(List.of(Violation.DEATH_THREAT, Violation.RAID_OR_BREAK_IN))
            .perpetrators(List.of(Perpetrator.POLICE)).defenders(4, 2, List.of(Sector.JOURNALIST, Sector.LABOUR_RIGHTS))
            .build();

    @Test
    void readsTheFieldsTheAggregatesKeepAsBindingTheWholeDataDoes() throws UnreadableEventException {
        IncidentEventData revised = IncidentData.next(INCIDENT).revision(3).justiceStatus(JusticeStatus.CHARGES_FILED)
                .verification(Verification.LIKELY).build();
        byte[] json = Json.bytes(revised);
        IncidentEventData bound = Json.read(json, IncidentEventData.class);

        IncidentEventData read = IncidentJson.read(json);

        assertEquals(kept(bound), kept(read));
    }

    @Test
    void skipsTheFieldsItDoesNotKeepWhateverTheirShape() throws UnreadableEventException {
        String json = new String(Json.bytes(INCIDENT), StandardCharsets.UTF_8).replaceFirst("\\{",
                "{\"receivedAt\":\"not an instant\",\"context\":[{\"a\":[1,{\"b\":null}]}],\"newerField\":{\"x\":[true]},");

        IncidentEventData read = IncidentJson.read(json.getBytes(StandardCharsets.UTF_8));

        assertEquals(kept(INCIDENT), kept(read));
    }

    @Test
    void aCodeOutsideTheVocabularyOrAValueOfAnotherTypeIsUnreadable() {
        String json = new String(Json.bytes(INCIDENT), StandardCharsets.UTF_8);
        for (String unreadable : List.of(json.replace("\"DEATH_THREAT\"", "\"SOMETHING_ELSE\""),
                json.replace("\"region\":\"PE-PIU\"", "\"region\":[\"PE-PIU\"]"),
                json.replaceFirst("\"revision\":0", "\"revision\":\"zero\""),
                "[1, 2]", "{\"incidentId\":")) {
            assertThrows(UnreadableEventException.class, () -> IncidentJson.read(unreadable.getBytes(StandardCharsets.UTF_8)),
                    unreadable);
        }
    }

    private static List<Object> kept(IncidentEventData data) {
        return List.of(data.incidentId(), data.occurredOn(), data.region(), data.violations(), data.perpetrators(),
                data.defenders(), data.verification(), data.justiceStatus(), data.revision());
    }
}
