package org.centinela.alerts.team;

public enum ChannelType {
    EMAIL,
    WEBHOOK
}
