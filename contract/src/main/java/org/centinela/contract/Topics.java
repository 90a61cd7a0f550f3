package org.centinela.contract;

/** Kafka topics of Centinela. All are kept forever (retention -1) so that read models can be rebuilt. */
public final class Topics {

    /** incident.reported and incident.updated, published by intake-service; key = incident id. */
    public static final String INCIDENTS = "centinela.incidents.v1";
    /** alert.* events, published by alerts-service; key = incident id. */
    public static final String ALERTS = "centinela.alerts.v1";
    /** principal.revoked, published by the service that owns the principal; key = principal id. */
    public static final String PRINCIPALS = "centinela.principals.v1";

    private Topics() {
    }

    /** Where a consumer of {@code topic} puts the records it cannot parse, with the error in the headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
