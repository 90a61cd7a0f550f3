package org.centinela.platform.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a body field of free text (a description, a note): tab, line feed and carriage return are allowed in it;
 * every other text field refuses all of U+0000–U+001F ({@link StrictText}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface FreeText {
}
