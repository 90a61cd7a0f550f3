package org.centinela.alerts.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.centinela.contract.CloudEventHeaders;
import org.centinela.contract.event.IncidentEventData;

/**
 * Reads a binary-mode CloudEvent (ce_* headers, JSON value) into an {@link IncidentEvent}. Tolerates unknown
 * fields (newer producers); refuses what would make routing wrong: no id, no type, broken JSON, a missing
 * incident id, reference, region, occurredOn or violations.
 */
public final class IncidentEventParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private IncidentEventParser() {
    }

    public static IncidentEvent parse(Headers headers, byte[] value) throws UnparseableEventException {
        String id = required(CloudEventHeaders.read(headers, CloudEventHeaders.ID), CloudEventHeaders.ID);
        String type = required(CloudEventHeaders.read(headers, CloudEventHeaders.TYPE), CloudEventHeaders.TYPE);
        if (value == null || value.length == 0) {
            throw new UnparseableEventException("empty record value");
        }
        IncidentEventData data;
        try {
            data = JSON.readValue(value, IncidentEventData.class);
        } catch (JsonProcessingException e) {
            throw new UnparseableEventException("data is not an incident event: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnparseableEventException("data is not readable: " + e.getMessage(), e);
        }
        if (data == null || data.incidentId() == null || data.reference() == null || data.region() == null
                || data.occurredOn() == null || data.violations() == null || data.violations().isEmpty()
                || data.violations().contains(null)) {
            throw new UnparseableEventException(
                    "data lacks incidentId, reference, region, occurredOn or violations");
        }
        return new IncidentEvent(id, type, data);
    }

    private static String required(Optional<String> header, String name) throws UnparseableEventException {
        return header.filter(value -> !value.isBlank())
                .orElseThrow(() -> new UnparseableEventException("missing CloudEvents header " + name));
    }
}
