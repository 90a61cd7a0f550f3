package org.centinela.alerts.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.alert.Incident;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestBuilderTest {

    private final DigestBuilder builder = new DigestBuilder(Regions.of("PE"), "https://intake.example/");

    @Test
    void listsTheWaitingIncidentsInTheTeamsLanguageNewestFirst() {
        Incident older = incident("PE-2026-000010", "PE-JUN", LocalDate.of(2026, 11, 1), "HARASSMENT");
        Incident newer = incident("PE-2026-000011", "PE-PUN", LocalDate.of(2026, 11, 20), "SURVEILLANCE,DEFAMATION");

        DigestView digest = builder.build("Brigada Sur", LocalDate.of(2026, 11, 29), List.of(older, newer), "es").orElseThrow();

        assertThat(digest.teamName()).isEqualTo("Brigada Sur");
        assertThat(digest.items()).extracting(DigestView.Item::reference).containsExactly("PE-2026-000011", "PE-2026-000010");
        DigestView.Item first = digest.items().get(0);
        assertThat(first.regionName()).isEqualTo("Puno");
        assertThat(first.priorityLabel()).isEqualTo("Normal");
        assertThat(first.violationsText()).isEqualTo("Vigilancia, Difamación (estigmatización)");
        assertThat(first.incidentUrl()).isEqualTo("https://intake.example/api/v1/incidents/" + newer.id);
        assertThat(builder.build("Brigada Sur", LocalDate.of(2026, 11, 29), List.of(older), "en").orElseThrow()
                .items().get(0).violationsText()).isEqualTo("Harassment");
    }

    @Test
    void nothingWaitingMeansNoDigest() {
        assertThat(builder.build("Brigada Sur", LocalDate.of(2026, 11, 29), List.of(), "es")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-11-29T12:59:59Z, ''",
            "2026-11-29T13:00:00Z, 2026-11-29",
            "2026-11-30T04:59:00Z, 2026-11-29",
            "2026-11-30T05:00:00Z, ''",
    })
    void theDaysDigestIsDueFromEightInLima(String now, String expected) {
        var due = DigestBuilder.dueDay(Instant.parse(now), LocalTime.of(8, 0), ZoneId.of("America/Lima"));
        if (expected.isEmpty()) {
            assertThat(due).isEmpty();
        } else {
            assertThat(due).contains(LocalDate.parse(expected));
        }
    }

    private static Incident incident(String reference, String region, LocalDate occurredOn, String violations) {
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.reference = reference;
        incident.region = region;
        incident.occurredOn = occurredOn;
        incident.violations = violations;
        incident.priority = Priority.NORMAL;
        return incident;
    }
}
