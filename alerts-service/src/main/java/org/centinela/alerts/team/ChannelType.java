package org.centinela.alerts.team;

public enum ChannelType {
    EMAIL,
    WEBHOOK,
    /** Telegram Bot API {@code sendMessage} to a chat. */
    TELEGRAM,
    /** A signal-cli REST bridge's {@code POST /v2/send}. */
    SIGNAL;

    /** Whether it is sent over HTTP (the webhook senders' pool, the URL policy, retries by status). */
    public boolean http() {
        return this != EMAIL;
    }
}
