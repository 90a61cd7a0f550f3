package org.centinela.alerts.digest;

import java.time.LocalDate;
import java.util.List;

/** A team's daily digest, already in its language. */
public record DigestView(String teamName, LocalDate day, List<Item> items) {

    public record Item(String reference, String priorityLabel, String region, String regionName, LocalDate occurredOn,
                       String violationsText, String incidentUrl) {
    }
}
