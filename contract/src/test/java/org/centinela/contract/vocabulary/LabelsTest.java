package org.centinela.contract.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LabelsTest {

    static Stream<Labelled> everyCode() {
        return Stream.of(Violation.values(), Perpetrator.values(), PerpetratorKind.values(), Sector.values(),
                Context.values(), Verification.values(), JusticeStatus.values(), Priority.values(),
                ResolutionOutcome.values())
                .flatMap(Stream::of);
    }

    @ParameterizedTest
    @MethodSource("everyCode")
    void everyCodeHasASpanishAndAnEnglishLabel(Labelled code) {
        assertFalse(code.es().isBlank(), code + " es");
        assertFalse(code.en().isBlank(), code + " en");
    }

    @Test
    void labelsAreTheTranslationsOfTheirCode() {
        assertEquals("Desaparición forzada", Violation.ENFORCED_DISAPPEARANCE.label("es"));
        assertEquals("Enforced disappearance", Violation.ENFORCED_DISAPPEARANCE.label("en"));
        assertEquals("Desconocido", Perpetrator.UNKNOWN.es());
        assertEquals("Desconocido", PerpetratorKind.UNKNOWN.es());
        assertEquals("Derechos de las mujeres", Sector.WOMEN_RIGHTS.label("fr"), "Spanish when the language is unknown");
    }

    @Test
    void eachVocabularyLabelsItsCodesDistinctly() {
        for (List<? extends Labelled> vocabulary : List.of(List.of(Violation.values()), List.of(Sector.values()),
                List.of(Perpetrator.values()), List.of(JusticeStatus.values()), List.of(Verification.values()))) {
            assertEquals(vocabulary.size(), vocabulary.stream().map(Labelled::es).distinct().count());
            assertEquals(vocabulary.size(), vocabulary.stream().map(Labelled::en).distinct().count());
        }
    }
}
