package org.centinela.intake.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.platform.problem.Problem.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final IncidentRules RULES = new IncidentRules(Regions.of("PE"));

    static IncidentRequest valid() {
        return new IncidentRequest(LocalDate.of(2017, 8, 21), "PE-CAJ", "Celendín", -6.87, -78.15,
                List.of("PHYSICAL_ATTACK", "DEATH_THREAT"), List.of("POLICE", "PRIVATE_SECURITY"),
                new IncidentRequest.DefendersInput(3, 1, List.of("ENVIRONMENTAL", "INDIGENOUS_PEOPLES")),
                List.of("PROTEST"), true, "es", "text", new ConfidentialPart(List.of("A"), "c", "n"));
    }

    static IncidentRequest with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(valid())).build();
    }

    /** Copies a request with one component changed; records have no withers. */
    record Builder(LocalDate occurredOn, String region, String locality, Double latitude, Double longitude,
                   List<String> violations, List<String> perpetrators, IncidentRequest.DefendersInput defenders,
                   List<String> context, Boolean riskOngoing, String language, String description,
                   ConfidentialPart confidential) {
        Builder(IncidentRequest r) {
            this(r.occurredOn(), r.region(), r.locality(), r.latitude(), r.longitude(), r.violations(), r.perpetrators(),
                    r.defenders(), r.context(), r.riskOngoing(), r.language(), r.description(), r.confidential());
        }

        Builder occurredOn(LocalDate v) { return new Builder(v, region, locality, latitude, longitude, violations, perpetrators, defenders, context, riskOngoing, language, description, confidential); }
        Builder region(String v) { return new Builder(occurredOn, v, locality, latitude, longitude, violations, perpetrators, defenders, context, riskOngoing, language, description, confidential); }
        Builder coordinates(Double lat, Double lon) { return new Builder(occurredOn, region, locality, lat, lon, violations, perpetrators, defenders, context, riskOngoing, language, description, confidential); }
        Builder violations(List<String> v) { return new Builder(occurredOn, region, locality, latitude, longitude, v, perpetrators, defenders, context, riskOngoing, language, description, confidential); }
        Builder perpetrators(List<String> v) { return new Builder(occurredOn, region, locality, latitude, longitude, violations, v, defenders, context, riskOngoing, language, description, confidential); }
        Builder defenders(Integer count, Integer women, List<String> sectors) { return new Builder(occurredOn, region, locality, latitude, longitude, violations, perpetrators, new IncidentRequest.DefendersInput(count, women, sectors), context, riskOngoing, language, description, confidential); }
        Builder context(List<String> v) { return new Builder(occurredOn, region, locality, latitude, longitude, violations, perpetrators, defenders, v, riskOngoing, language, description, confidential); }
        Builder language(String v) { return new Builder(occurredOn, region, locality, latitude, longitude, violations, perpetrators, defenders, context, riskOngoing, v, description, confidential); }
        Builder description(String v) { return new Builder(occurredOn, region, locality, latitude, longitude, violations, perpetrators, defenders, context, riskOngoing, language, v, confidential); }

        IncidentRequest build() {
            return new IncidentRequest(occurredOn, region, locality, latitude, longitude, violations, perpetrators, defenders,
                    context, riskOngoing, language, description, confidential);
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("valid", valid(), List.of()),
                Arguments.of("today", with(b -> b.occurredOn(TODAY)), List.of()),
                Arguments.of("tomorrow", with(b -> b.occurredOn(TODAY.plusDays(1))), List.of("occurredOn")),
                Arguments.of("1990-01-01", with(b -> b.occurredOn(LocalDate.of(1990, 1, 1))), List.of()),
                Arguments.of("1989-12-31", with(b -> b.occurredOn(LocalDate.of(1989, 12, 31))), List.of("occurredOn")),
                Arguments.of("no date", with(b -> b.occurredOn(null)), List.of("occurredOn")),
                Arguments.of("no region", with(b -> b.region(null)), List.of("region")),
                Arguments.of("unknown region", with(b -> b.region("PE-ZZZ")), List.of("region")),
                Arguments.of("no coordinates", with(b -> b.coordinates(null, null)), List.of()),
                Arguments.of("latitude only", with(b -> b.coordinates(-6.0, null)), List.of("longitude")),
                Arguments.of("longitude only", with(b -> b.coordinates(null, -78.0)), List.of("latitude")),
                Arguments.of("edges", with(b -> b.coordinates(-90.0, 180.0)), List.of()),
                Arguments.of("out of range", with(b -> b.coordinates(90.01, -180.01)), List.of("latitude", "longitude")),
                Arguments.of("NaN", with(b -> b.coordinates(Double.NaN, 0.0)), List.of("latitude")),
                Arguments.of("no violations", with(b -> b.violations(null)), List.of("violations")),
                Arguments.of("empty violations", with(b -> b.violations(List.of())), List.of("violations")),
                Arguments.of("ten violations", with(b -> b.violations(List.of("KILLING", "ATTEMPTED_KILLING",
                        "ENFORCED_DISAPPEARANCE", "ABDUCTION", "PHYSICAL_ATTACK", "SEXUAL_VIOLENCE", "TORTURE_OR_ILL_TREATMENT",
                        "DEATH_THREAT", "THREAT_OR_INTIMIDATION", "HARASSMENT"))), List.of()),
                Arguments.of("eleven violations", with(b -> b.violations(List.of("KILLING", "ATTEMPTED_KILLING",
                        "ENFORCED_DISAPPEARANCE", "ABDUCTION", "PHYSICAL_ATTACK", "SEXUAL_VIOLENCE", "TORTURE_OR_ILL_TREATMENT",
                        "DEATH_THREAT", "THREAT_OR_INTIMIDATION", "HARASSMENT", "OTHER"))), List.of("violations")),
                Arguments.of("repeated violation", with(b -> b.violations(List.of("KILLING", "KILLING"))), List.of("violations")),
                Arguments.of("lower-case code", with(b -> b.violations(List.of("killing"))), List.of("violations[0]")),
                Arguments.of("null code", with(b -> b.violations(java.util.Arrays.asList("KILLING", null))), List.of("violations[1]")),
                Arguments.of("unknown perpetrator", with(b -> b.perpetrators(List.of("POLICE", "X"))), List.of("perpetrators[1]")),
                Arguments.of("no perpetrators", with(b -> b.perpetrators(List.of())), List.of("perpetrators")),
                Arguments.of("count 0", with(b -> b.defenders(0, 0, List.of("LAWYER"))), List.of("defenders.count")),
                Arguments.of("count 10000", with(b -> b.defenders(10_000, 10_000, List.of("LAWYER"))), List.of()),
                Arguments.of("count 10001", with(b -> b.defenders(10_001, 0, List.of("LAWYER"))), List.of("defenders.count")),
                Arguments.of("no count", with(b -> b.defenders(null, 0, List.of("LAWYER"))), List.of("defenders.count")),
                Arguments.of("women = count", with(b -> b.defenders(2, 2, List.of("LAWYER"))), List.of()),
                Arguments.of("women > count", with(b -> b.defenders(2, 3, List.of("LAWYER"))), List.of("defenders.women")),
                Arguments.of("women absent", with(b -> b.defenders(2, null, List.of("LAWYER"))), List.of()),
                Arguments.of("no sectors", with(b -> b.defenders(2, 0, List.of())), List.of("defenders.sectors")),
                Arguments.of("unknown sector", with(b -> b.defenders(2, 0, List.of("LAWYER", "PILOT"))), List.of("defenders.sectors[1]")),
                Arguments.of("no context", with(b -> b.context(null)), List.of()),
                Arguments.of("repeated context", with(b -> b.context(List.of("ONLINE", "ONLINE"))), List.of("context")),
                Arguments.of("english", with(b -> b.language("en")), List.of()),
                Arguments.of("quechua", with(b -> b.language("qu")), List.of("language")),
                Arguments.of("no description", with(b -> b.description(null)), List.of("description")),
                Arguments.of("blank description", with(b -> b.description("  ")), List.of("description")),
                Arguments.of("20000 characters", with(b -> b.description("€".repeat(20_000))), List.of()),
                Arguments.of("20001 characters", with(b -> b.description("a".repeat(20_001))), List.of("description")),
                Arguments.of("20000 astral characters", with(b -> b.description("😀".repeat(20_000))), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesEveryOffendingField(String name, IncidentRequest request, List<String> fields) {
        assertEquals(fields, RULES.check(request, TODAY).stream().map(FieldError::field).toList());
    }

    @Test
    void updateNeedsAKnownCodeOrANote() {
        assertEquals(List.of(""), fields(new UpdateRequest(null, null, null, null)));
        assertEquals(List.of(), fields(new UpdateRequest("CONFIRMED", "CONVICTION", false, "n")));
        assertEquals(List.of("verification", "justiceStatus", "note"), fields(new UpdateRequest("confirmed", "DONE", null, "")));
        assertEquals(List.of(), fields(new UpdateRequest(null, null, true, null)));
    }

    @Test
    void referencesArePaddedToSixDigits() {
        assertEquals("PE-2026-000123", ReferenceSequence.format("PE", 2026, 123));
        assertEquals("PE-2026-1234567", ReferenceSequence.format("PE", 2026, 1_234_567));
    }

    private static List<String> fields(UpdateRequest request) {
        return UpdateRules.check(request).stream().map(FieldError::field).toList();
    }
}
