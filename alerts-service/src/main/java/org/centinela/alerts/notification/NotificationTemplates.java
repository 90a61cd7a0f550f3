package org.centinela.alerts.notification;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** E-mail texts, one per language; type-checked at build time, so a broken template fails the build, not an alert. */
@CheckedTemplate(basePath = "notification")
public class NotificationTemplates {

    public static native TemplateInstance es(NotificationView n);

    public static native TemplateInstance en(NotificationView n);

    private NotificationTemplates() {
    }
}
