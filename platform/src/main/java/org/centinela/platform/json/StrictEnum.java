package org.centinela.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Codes are exact (SPEC §9): Jackson's enum reader trims its text first, so {@code "HIGH\u0001"} and
 * {@code " HIGH"} would be read as {@code HIGH}. This wrapper refuses a code with anything trimmable around it.
 */
final class StrictEnum extends StdDeserializer<Object> implements ContextualDeserializer {

    private final JsonDeserializer<?> delegate;

    private StrictEnum(JsonDeserializer<?> delegate, Class<?> type) {
        super(type);
        this.delegate = delegate;
    }

    /** Wraps every enum reader of a mapper. */
    static BeanDeserializerModifier modifier() {
        return new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                return new StrictEnum(deserializer, type.getRawClass());
            }
        };
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer inner
                ? inner.createContextual(context, property) : delegate;
        return contextual == delegate ? this : new StrictEnum(contextual, handledType());
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (!text.equals(text.trim())) {
                return context.handleWeirdStringValue(handledType(), text, "not one of the codes");
            }
        }
        return delegate.deserialize(parser, context);
    }
}
