package org.centinela.platform.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.centinela.contract.CloudEventHeaders;

/**
 * A Kafka record read as a binary-mode CloudEvent (SPEC §9): {@code ce_id} and {@code ce_type} from the headers, the
 * JSON data as the value. Data is read tolerantly (unknown fields ignored: newer producers), never leniently about
 * what the consumer needs.
 */
public record CloudEventRecord(String id, String type, ConsumerRecord<String, byte[]> record) {

    private static final ObjectMapper DATA = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The record as a CloudEvent; unreadable without an id, a type or a value. */
    public static CloudEventRecord of(ConsumerRecord<String, byte[]> record) throws UnreadableEventException {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID).filter(value -> !value.isBlank())
                .orElseThrow(() -> new UnreadableEventException("missing CloudEvents header " + CloudEventHeaders.ID));
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE).filter(value -> !value.isBlank())
                .orElseThrow(() -> new UnreadableEventException("missing CloudEvents header " + CloudEventHeaders.TYPE));
        if (record.value() == null || record.value().length == 0) {
            throw new UnreadableEventException("empty record value");
        }
        return new CloudEventRecord(id, type, record);
    }

    /** The event's data as {@code type}; unreadable when it is not JSON of that shape. */
    public <T> T data(Class<T> dataType) throws UnreadableEventException {
        try {
            T data = DATA.readValue(record.value(), dataType);
            if (data == null) {
                throw new UnreadableEventException("data is null");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("data is not " + dataType.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableEventException("data is not readable: " + e.getMessage(), e);
        }
    }

    /** {@code topic-partition@offset}, for log lines. */
    public String position() {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
