package org.centinela.alerts.team;

/** A webhook whose host resolves to an address {@link WebhookUrlPolicy} refuses: a failure that will not pass by retrying. */
public class RefusedWebhookAddressException extends Exception {

    public RefusedWebhookAddressException(String message) {
        super(message);
    }
}
