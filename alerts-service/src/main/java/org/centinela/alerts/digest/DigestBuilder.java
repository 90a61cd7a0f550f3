package org.centinela.alerts.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.centinela.alerts.alert.Incident;
import org.centinela.contract.vocabulary.Regions;

/** Builds a team's digest from the incidents waiting for it, and says which day's digest is due. */
public final class DigestBuilder {

    private final Regions regions;
    private final String intakeBaseUrl;

    public DigestBuilder(Regions regions, String intakeBaseUrl) {
        this.regions = regions;
        this.intakeBaseUrl = intakeBaseUrl.endsWith("/") ? intakeBaseUrl.substring(0, intakeBaseUrl.length() - 1) : intakeBaseUrl;
    }

    /** The day whose digest may go out at {@code now}: today, once its hour has come; before it, none. */
    public static Optional<LocalDate> dueDay(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        return local.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(local.toLocalDate());
    }

    /** Empty when there is nothing to tell: no digest is sent then. Incidents newest first by date of the facts. */
    public Optional<DigestView> build(String teamName, LocalDate day, List<Incident> incidents, String language) {
        if (incidents.isEmpty()) {
            return Optional.empty();
        }
        List<DigestView.Item> items = incidents.stream()
                .sorted(Comparator.comparing((Incident incident) -> incident.occurredOn).reversed()
                        .thenComparing(incident -> incident.reference))
                .map(incident -> new DigestView.Item(incident.reference, incident.priority.label(language),
                        incident.region, regions.name(incident.region), incident.occurredOn,
                        incident.violationList().stream().map(violation -> violation.label(language))
                                .collect(Collectors.joining(", ")),
                        intakeBaseUrl + "/api/v1/incidents/" + incident.id))
                .toList();
        return Optional.of(new DigestView(teamName, day, items));
    }
}
