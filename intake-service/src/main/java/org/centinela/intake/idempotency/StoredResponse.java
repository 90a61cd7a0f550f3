package org.centinela.intake.idempotency;

/** An answer as first given, kept to be given again for a repeated Idempotency-Key. */
public record StoredResponse(int status, String location, String body) {
}
