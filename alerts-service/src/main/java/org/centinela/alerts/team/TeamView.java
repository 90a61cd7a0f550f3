package org.centinela.alerts.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;

/** A team as the API shows it: never a webhook secret; {@code token} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TeamView(
        UUID id,
        String name,
        String language,
        List<String> regions,
        Priority minPriority,
        List<Channel> channels,
        int escalateAfterMinutes,
        @JsonInclude(JsonInclude.Include.ALWAYS) UUID escalationTeamId,
        List<EscalationStep> escalation,
        boolean digest,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer repeatEveryMinutes,
        int maxRepeats,
        @JsonInclude(JsonInclude.Include.ALWAYS) Integer fallbackAfterMinutes,
        Instant createdAt,
        Instant updatedAt,
        String token) {

    public static TeamView of(Team team, String token) {
        return new TeamView(team.id, team.name, team.language, team.regionList(), team.minPriority,
                team.channelList().stream().map(Channel::withoutSecret).toList(), team.escalateAfterMinutes,
                team.escalationTeamId, team.escalationChain(), team.digest, team.repeatEveryMinutes, team.maxRepeats, team.fallbackAfterMinutes, team.createdAt, team.updatedAt, token);
    }
}
