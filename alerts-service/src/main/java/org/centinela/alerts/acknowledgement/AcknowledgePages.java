package org.centinela.alerts.acknowledgement;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The acknowledge page (HTML, escaped by Qute), type-checked at build time. */
@CheckedTemplate(basePath = "acknowledgement")
class AcknowledgePages {

    static native TemplateInstance page(AcknowledgePage p);

    private AcknowledgePages() {
    }
}
