package org.centinela.contract.vocabulary;

/** A code of a controlled vocabulary with its Spanish and English labels. */
public interface Labelled {

    String name();

    String es();

    String en();

    /** The label in {@code language} ("es" or "en"); Spanish, the coalitions' working language, otherwise. */
    default String label(String language) {
        return "en".equals(language) ? en() : es();
    }
}
