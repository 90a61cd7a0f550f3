package org.centinela.intake.vocabulary;

import java.util.Arrays;
import java.util.List;
import org.centinela.contract.vocabulary.Context;
import org.centinela.contract.vocabulary.JusticeStatus;
import org.centinela.contract.vocabulary.Labelled;
import org.centinela.contract.vocabulary.Perpetrator;
import org.centinela.contract.vocabulary.Region;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Sector;
import org.centinela.contract.vocabulary.Verification;
import org.centinela.contract.vocabulary.Violation;

/** The shape of {@code GET /api/v1/vocabularies} (SPEC §9). */
public record Vocabularies(
        List<Region> regions,
        List<Term> violations,
        List<PerpetratorTerm> perpetrators,
        List<Term> sectors,
        List<Term> context,
        List<Term> verification,
        List<Term> justiceStatus) {

    public record Term(String code, String es, String en) {
    }

    public record PerpetratorTerm(String code, String kind, String es, String en) {
    }

    public static Vocabularies of(Regions regions) {
        return new Vocabularies(
                regions.all(),
                terms(Violation.values()),
                Arrays.stream(Perpetrator.values())
                        .map(p -> new PerpetratorTerm(p.name(), p.kind().name(), p.es(), p.en()))
                        .toList(),
                terms(Sector.values()),
                terms(Context.values()),
                terms(Verification.values()),
                terms(JusticeStatus.values()));
    }

    private static List<Term> terms(Labelled[] values) {
        return Arrays.stream(values).map(v -> new Term(v.name(), v.es(), v.en())).toList();
    }
}
