package org.centinela.alerts.digest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Digest e-mails, one per language; the first line is the subject. Type-checked at build time. */
@CheckedTemplate(basePath = "digest")
public class DigestTemplates {

    public static native TemplateInstance es(DigestView d);

    public static native TemplateInstance en(DigestView d);

    private DigestTemplates() {
    }
}
