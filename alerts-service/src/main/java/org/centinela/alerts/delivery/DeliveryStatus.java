package org.centinela.alerts.delivery;

public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
