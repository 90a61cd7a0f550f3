package org.centinela.contract.vocabulary;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A code of a controlled vocabulary with its Spanish and English labels. The labels live in
 * {@code labels_es.properties} and {@code labels_en.properties} beside these enums, keyed
 * {@code <Vocabulary>.<CODE>}, so that translators never touch code.
 */
public interface Labelled {

    String name();

    default String es() {
        return label("es");
    }

    default String en() {
        return label("en");
    }

    /** The label in {@code language} ("es" or "en"); Spanish, the coalitions' working language, otherwise. */
    default String label(String language) {
        String bundle = "en".equals(language) ? "en" : "es";
        Class<?> vocabulary = this instanceof Enum<?> constant ? constant.getDeclaringClass() : getClass();
        return ResourceBundle.getBundle("org.centinela.contract.vocabulary.labels", Locale.forLanguageTag(bundle))
                .getString(vocabulary.getSimpleName() + "." + name());
    }
}
