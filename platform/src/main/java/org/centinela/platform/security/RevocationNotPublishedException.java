package org.centinela.platform.security;

/** The broker did not acknowledge a revocation: nothing was revoked, the caller may try again (503). */
public class RevocationNotPublishedException extends RuntimeException {

    public RevocationNotPublishedException(Throwable cause) {
        super("The revocation could not be published to Kafka; nothing was revoked", cause);
    }
}
