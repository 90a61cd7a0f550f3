package org.centinela.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Text fields refuse control characters (U+0000–U+001F; free text keeps tab and line breaks): PostgreSQL refuses
 * U+0000, and the others end up in e-mails, webhooks and CSV where they forge lines or terminal escapes. Values read
 * back from storage were accepted under older rules, so a reader with {@link #STORED} set skips the check.
 */
public final class StrictText extends StdScalarDeserializer<String> implements ContextualDeserializer {

    /** Reader attribute: the JSON comes from our own storage, not from a client. */
    public static final String STORED = "centinela.stored-json";

    private static final StrictText STRICT = new StrictText(false);
    private static final StrictText FREE = new StrictText(true);

    private final boolean freeText;

    private StrictText(boolean freeText) {
        super(String.class);
        this.freeText = freeText;
    }

    public static StrictText strict() {
        return STRICT;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        return property != null && property.getAnnotation(FreeText.class) != null ? FREE : STRICT;
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && context.getAttribute(STORED) == null) {
            int offending = firstControl(value, freeText);
            if (offending >= 0) {
                throw JsonMappingException.from(parser, String.format(
                        "must not contain control characters (U+%04X at position %d)", (int) value.charAt(offending), offending));
            }
        }
        return value;
    }

    /** The index of the first refused character, or -1. */
    static int firstControl(String value, boolean freeText) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && !(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }
}
