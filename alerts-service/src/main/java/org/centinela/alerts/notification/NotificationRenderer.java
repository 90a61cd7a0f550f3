package org.centinela.alerts.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.Incident;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.contract.vocabulary.Violation;

/** Renders a notification about an alert in a language: an e-mail (subject and text) or a webhook JSON body. */
@ApplicationScoped
public class NotificationRenderer {

    public record Email(String subject, String text) {
    }

    private final Regions regions;
    private final LinksConfig links;
    private final ObjectMapper json;

    public NotificationRenderer(Regions regions, LinksConfig links,
                                ObjectMapper json) {
        this.regions = regions;
        this.links = links;
        this.json = json;
    }

    public NotificationView view(String event, Alert alert, Incident incident, String language, Instant sentAt) {
        return new NotificationView(event, alert.id, incident.id, incident.reference, incident.priority.name(),
                incident.priority.label(language), incident.region, regions.name(incident.region),
                incident.violationList().stream().map(Violation::name).toList(),
                incident.violationList().stream().map(violation -> violation.label(language)).toList(),
                incident.occurredOn, incident.organisationName, incident.riskOngoing,
                trim(links.intakeBaseUrl()) + "/api/v1/incidents/" + incident.id,
                trim(links.alertsBaseUrl()) + "/api/v1/alerts/" + alert.id + "/acknowledge", null, sentAt);
    }

    /** The one-click acknowledge link of one delivery: {@code <alerts-base-url>/ack/<alertId>/<signed token>}. */
    public String acknowledgeLink(UUID alertId, String token) {
        return trim(links.alertsBaseUrl()) + "/ack/" + alertId + "/" + token;
    }

    /** The first line of the template is the subject, the rest the text. */
    public Email email(NotificationView view, String language) {
        String rendered = ("en".equals(language) ? NotificationTemplates.en(view) : NotificationTemplates.es(view)).render();
        int newline = rendered.indexOf('\n');
        return new Email(rendered.substring(0, newline).strip(), rendered.substring(newline + 1).strip() + "\n");
    }

    /** Bot API {@code sendMessage}: the e-mail's subject and text as one plain message. */
    public String telegram(NotificationView view, String language, String chatId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", message(view, language));
        return write(body);
    }

    /** A signal-cli REST bridge's {@code /v2/send}. */
    public String signal(NotificationView view, String language, String number, List<String> recipients) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message(view, language));
        body.put("number", number);
        body.put("recipients", recipients);
        return write(body);
    }

    private String message(NotificationView view, String language) {
        Email email = email(view, language);
        return email.subject() + "\n\n" + email.text();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String webhook(NotificationView view) {
        try {
            return json.writeValueAsString(WebhookBody.of(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String trim(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
