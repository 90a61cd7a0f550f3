package org.centinela.alerts.alert;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    ESCALATED
}
