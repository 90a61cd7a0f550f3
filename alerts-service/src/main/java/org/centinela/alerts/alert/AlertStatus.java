package org.centinela.alerts.alert;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ESCALATED,
    /** Closed by the team with an outcome; nothing changes it any more. */
    RESOLVED
}
