package org.centinela.contract;

/**
 * CloudEvents {@code type} values. The version of each type's data lives in {@code dataschema}
 * ({@link #dataSchema(String)}); a change that breaks consumers gets a new version and a new topic.
 */
public final class EventTypes {

    public static final String INCIDENT_REPORTED = "incident.reported";
    public static final String INCIDENT_UPDATED = "incident.updated";
    public static final String ALERT_RAISED = "alert.raised";
    public static final String ALERT_DELIVERED = "alert.delivered";
    public static final String ALERT_DELIVERY_FAILED = "alert.delivery-failed";
    public static final String ALERT_ACKNOWLEDGED = "alert.acknowledged";
    public static final String ALERT_ESCALATED = "alert.escalated";
    public static final String ALERT_RESOLVED = "alert.resolved";
    public static final String PRINCIPAL_REVOKED = "principal.revoked";

    /** Version of the data of every type above; documented in docs/events.md and contract/src/main/resources/schemas. */
    public static final int DATA_VERSION = 1;

    public static final String SOURCE_INTAKE = "/centinela/intake-service";
    public static final String SOURCE_ALERTS = "/centinela/alerts-service";
    public static final String SOURCE_REPORTING = "/centinela/reporting-service";

    private EventTypes() {
    }

    /** The CloudEvents {@code dataschema} of {@code type}, e.g. {@code urn:centinela:incident.reported:v1}. */
    public static String dataSchema(String type) {
        return "urn:centinela:" + type + ":v" + DATA_VERSION;
    }
}
