package org.centinela.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes in Kafka binary mode: {@code ce_*} headers and the JSON data as the record value,
 * the layout SmallRye Reactive Messaging writes and reads. Used where a service writes records with a plain
 * producer (the outbox relay, revocations) so that every Centinela record has the same shape.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "1.0";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String SPECVERSION = "ce_specversion";
    public static final String DATASCHEMA = "ce_dataschema";
    public static final String CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, String id, String source, String type, String subject, Instant time) {
        put(headers, SPECVERSION, SPEC_VERSION);
        put(headers, ID, id);
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, SUBJECT, subject);
        put(headers, TIME, time.toString());
        put(headers, DATASCHEMA, EventTypes.dataSchema(type));
        put(headers, CONTENT_TYPE, JSON);
    }

    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
