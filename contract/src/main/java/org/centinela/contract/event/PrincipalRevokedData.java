package org.centinela.contract.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** Data of {@code principal.revoked} (v1): every token of {@code principalId} is refused from now on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrincipalRevokedData(UUID principalId, String role, Instant revokedAt) {
}
