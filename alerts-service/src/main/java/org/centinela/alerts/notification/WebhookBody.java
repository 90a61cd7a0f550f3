package org.centinela.alerts.notification;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The JSON a webhook receives (SPEC §9), field for field. */
@JsonPropertyOrder({"event", "alertId", "incidentId", "reference", "priority", "region", "regionName", "violations",
        "violationLabels", "occurredOn", "organisation", "riskOngoing", "incidentUrl", "acknowledgeUrl", "acknowledgeLink", "sentAt"})
public record WebhookBody(
        String event,
        UUID alertId,
        UUID incidentId,
        String reference,
        String priority,
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

    public static WebhookBody of(NotificationView view) {
        return new WebhookBody(view.event(), view.alertId(), view.incidentId(), view.reference(), view.priority(),
                view.region(), view.regionName(), view.violations(), view.violationLabels(), view.occurredOn(),
                view.organisation(), view.riskOngoing(), view.incidentUrl(), view.acknowledgeUrl(),
                view.acknowledgeLink(), view.sentAt());
    }
}
