package org.centinela.reporting.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.event.Defenders;
import org.centinela.contract.event.IncidentEventData;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;
import org.centinela.platform.kafka.UnreadableEventException;

/**
 * Reads an incident event's data with Jackson's streaming parser, keeping only the fields the aggregates use:
 * binding the whole {@link IncidentEventData} (instants, coordinates, names and contexts included) was most of the
 * cost of a replayed event. Strict about the fields it keeps — a value of another JSON type or a code outside the
 * vocabulary is unreadable, where binding would sometimes coerce — and tolerant about the others, which it skips
 * without looking: they are left null (false) in the data it returns.
 */
final class IncidentJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private IncidentJson() {
    }

    static IncidentEventData read(byte[] json) throws UnreadableEventException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEventException("data is not a JSON object");
            }
            UUID incidentId = null;
            LocalDate occurredOn = null;
            String region = null;
            List<Violation> violations = null;
            List<Perpetrator> perpetrators = null;
            Defenders defenders = null;
            Verification verification = null;
            JusticeStatus justiceStatus = null;
            int revision = 0;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "incidentId" -> incidentId = uuid(parser, value);
                    case "occurredOn" -> occurredOn = date(parser, value);
                    case "region" -> region = text(parser, value);
                    case "violations" -> violations = codes(parser, value, Violation.class);
                    case "perpetrators" -> perpetrators = codes(parser, value, Perpetrator.class);
                    case "defenders" -> defenders = defenders(parser, value);
                    case "verification" -> verification = code(parser, value, Verification.class);
                    case "justiceStatus" -> justiceStatus = code(parser, value, JusticeStatus.class);
                    case "revision" -> revision = integer(parser, value, field);
                    default -> parser.skipChildren();
                }
            }
            return new IncidentEventData(incidentId, null, null, null, occurredOn, null, region, null, null,
                    violations, perpetrators, defenders, null, false, null, verification, justiceStatus, revision, null);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEventException("data is not IncidentEventData JSON: " + e.getMessage(), e);
        }
    }

    private static Defenders defenders(JsonParser parser, JsonToken value) throws IOException, UnreadableEventException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.START_OBJECT, "defenders");
        int count = 0;
        int women = 0;
        List<Sector> sectors = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken next = parser.nextToken();
            switch (field) {
                case "count" -> count = integer(parser, next, field);
                case "women" -> women = integer(parser, next, field);
                case "sectors" -> sectors = codes(parser, next, Sector.class);
                default -> parser.skipChildren();
            }
        }
        return new Defenders(count, women, sectors);
    }

    /** A list of codes; a null element stays null, for the reader's check to refuse. */
    private static <E extends Enum<E>> List<E> codes(JsonParser parser, JsonToken value, Class<E> type)
            throws IOException, UnreadableEventException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.START_ARRAY, type.getSimpleName() + " list");
        List<E> codes = new ArrayList<>(4);
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            codes.add(code(parser, element, type));
        }
        return codes;
    }

    private static <E extends Enum<E>> E code(JsonParser parser, JsonToken value, Class<E> type)
            throws IOException, UnreadableEventException {
        String name = text(parser, value);
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static UUID uuid(JsonParser parser, JsonToken value) throws IOException, UnreadableEventException {
        String text = text(parser, value);
        if (text != null && text.length() != 36) {
            throw new UnreadableEventException("incidentId is not a UUID");
        }
        return text == null ? null : UUID.fromString(text);
    }

    private static LocalDate date(JsonParser parser, JsonToken value) throws IOException, UnreadableEventException {
        String text = text(parser, value);
        return text == null ? null : LocalDate.parse(text);
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException, UnreadableEventException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(value, JsonToken.VALUE_STRING, parser.currentName());
        return parser.getText();
    }

    private static int integer(JsonParser parser, JsonToken value, String field) throws IOException, UnreadableEventException {
        expect(value, JsonToken.VALUE_NUMBER_INT, field);
        return parser.getIntValue();
    }

    private static void expect(JsonToken value, JsonToken expected, String what) throws UnreadableEventException {
        if (value != expected) {
            throw new UnreadableEventException(what + " is " + value + ", not " + expected);
        }
    }
}
