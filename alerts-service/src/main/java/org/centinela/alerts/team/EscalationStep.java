package org.centinela.alerts.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** One step of a team's escalation chain: {@code afterMinutes} after the previous one (or the raising), to
 * {@code teamId}, or to the coordinators' channel when it has none. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EscalationStep(Integer afterMinutes, UUID teamId) {
}
