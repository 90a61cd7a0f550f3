package org.centinela.alerts.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Everything a notification says, already in the team's language; the templates and the webhook body read it. */
public record NotificationView(
        String event,
        UUID alertId,
        UUID incidentId,
        String reference,
        String priority,
        String priorityLabel,
        String region,
        String regionName,
        List<String> violations,
        List<String> violationLabels,
        LocalDate occurredOn,
        String organisation,
        boolean riskOngoing,
        String incidentUrl,
        String acknowledgeUrl,
        String acknowledgeLink,
        Instant sentAt) {

    /** The same notification with the one-click link of one delivery. */
    public NotificationView withAcknowledgeLink(String link) {
        return new NotificationView(event, alertId, incidentId, reference, priority, priorityLabel, region, regionName,
                violations, violationLabels, occurredOn, organisation, riskOngoing, incidentUrl, acknowledgeUrl, link,
                sentAt);
    }

    public String violationsText() {
        return String.join(", ", violationLabels);
    }

    public boolean raised() {
        return "alert.raised".equals(event);
    }

    public boolean repeated() {
        return "alert.repeated".equals(event);
    }

    public boolean escalated() {
        return "alert.escalated".equals(event);
    }
}
