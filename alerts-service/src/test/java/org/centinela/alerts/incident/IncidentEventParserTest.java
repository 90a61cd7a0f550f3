package org.centinela.alerts.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.EventTypes;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.kafka.CloudEventRecord;
import org.centinela.platform.kafka.UnreadableEventException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentEventParserTest {

    private static final String GOOD = """
            {"incidentId":"6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11","reference":"PE-2026-000001","region":"PE-CAJ",
             "occurredOn":"2026-11-20","violations":["KILLING"],"riskOngoing":true,"revision":0,
             "aFieldFromANewerProducer":{"x":1}}""";

    @Test
    void readsTheEventAndIgnoresUnknownFields() throws Exception {
        IncidentEvent event = IncidentEventParser.parse(record("e-1", GOOD));
        assertThat(event.id()).isEqualTo("e-1");
        assertThat(event.type()).isEqualTo(EventTypes.INCIDENT_REPORTED);
        assertThat(event.data().violations()).containsExactly(Violation.KILLING);
        assertThat(event.data().riskOngoing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{not json",
            "",
            "[]",
            "{\"incidentId\":\"6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11\",\"region\":\"PE-CAJ\",\"occurredOn\":\"2026-11-20\",\"violations\":[\"KILLING\"]}",
            "{\"incidentId\":\"6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11\",\"reference\":\"R\",\"region\":\"PE-CAJ\",\"occurredOn\":\"2026-11-20\",\"violations\":[]}",
            "{\"incidentId\":\"6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11\",\"reference\":\"R\",\"region\":\"PE-CAJ\",\"occurredOn\":\"2026-11-20\",\"violations\":[\"NOT_A_CODE\"]}",
    })
    void refusesWhatCannotBeRouted(String value) {
        assertThatThrownBy(() -> IncidentEventParser.parse(record("e-2", value)))
                .isInstanceOf(UnreadableEventException.class);
    }

    /** A record of the incidents topic as intake's relay writes it. */
    private static CloudEventRecord record(String id, String value) throws UnreadableEventException {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("centinela.incidents.v1", 0, 0L,
                "6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11", value.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), id, EventTypes.SOURCE_INTAKE, EventTypes.INCIDENT_REPORTED,
                "6f1c1c8e-3c1e-4a59-9d39-3d1f8f0a7a11", Instant.now());
        return CloudEventRecord.of(record);
    }
}
