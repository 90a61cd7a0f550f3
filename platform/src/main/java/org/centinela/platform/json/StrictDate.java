package org.centinela.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates only from {@code "YYYY-MM-DD"} strings: Jackson's own reader also takes an epoch-day number
 * ({@code 17000}) and an array ({@code [2017,8,21]}), which no client of ours means.
 */
public final class StrictDate extends StdScalarDeserializer<LocalDate> {

    public StrictDate() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return LocalDate.parse(parser.getText(), DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // reported below like any other non-date
            }
        }
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
    }
}
