package org.centinela.alerts.team;

import org.centinela.alerts.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;
import org.centinela.contract.vocabulary.Regions;
import org.centinela.platform.crypto.FieldCipher;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;

/** Creates, changes and retires teams; webhook secrets are encrypted before they reach the database. */
@ApplicationScoped
public class TeamService {

    static final int DEFAULT_ESCALATE_AFTER_MINUTES = 30;

    private final TeamValidator validator;
    private final FieldCipher cipher;

    public TeamService(Regions regions, FieldCipher cipher, WebhookUrlPolicy urls) {
        this.validator = new TeamValidator(regions, urls);
        this.cipher = cipher;
    }

    @Transactional
    public Team create(TeamRequest body) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.createdAt = Time.now();
        apply(team, body, Map.of());
        team.persist();
        return team;
    }

    @Transactional
    public Optional<Team> replace(UUID id, TeamRequest body) {
        Optional<Team> found = Team.findActive(id);
        found.ifPresent(team -> {
            Map<String, String> storedSecrets = new HashMap<>();
            team.channelList().stream().filter(c -> c.credential() != null)
                    .forEach(c -> storedSecrets.put(c.keptSecretKey(), c.credential()));
            apply(team, body, storedSecrets);
        });
        return found;
    }

    /** Marks the team deleted; its tokens must have been revoked before (RevocationPublisher). */
    @Transactional
    public boolean markDeleted(UUID id) {
        return Team.update("deletedAt = ?1 where id = ?2 and deletedAt is null", Time.now(), id) == 1;
    }

    private void apply(Team team, TeamRequest body, Map<String, String> storedSecrets) {
        List<Problem.FieldError> errors = new ArrayList<>(validator.check(body, Set.copyOf(storedSecrets.keySet())));
        if (body.escalationTeamId() != null
                && (body.escalationTeamId().equals(team.id) || Team.findActive(body.escalationTeamId()).isEmpty())) {
            errors.add(new Problem.FieldError("escalationTeamId", "must be another existing team"));
        }
        List<EscalationStep> steps = body.escalation() == null ? List.of() : body.escalation();
        for (int i = 0; i < steps.size(); i++) {
            UUID target = steps.get(i) == null ? null : steps.get(i).teamId();
            if (target != null && (target.equals(team.id) || Team.findActive(target).isEmpty())) {
                errors.add(new Problem.FieldError("escalation[" + i + "].teamId", "must be another existing team"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid("The team is not valid", errors));
        }
        team.name = body.name().strip();
        team.language = body.language() == null ? "es" : body.language();
        team.regionList(body.regions() == null ? List.of() : body.regions());
        team.minPriority = body.minPriority() == null ? Priority.HIGH : body.minPriority();
        team.channelList(body.channels().stream().map(input -> stored(input, storedSecrets)).toList());
        // With a chain, its first step's minutes are the team's escalateAfterMinutes (what finds due first steps).
        team.escalateAfterMinutes = body.escalation() != null ? body.escalation().get(0).afterMinutes()
                : body.escalateAfterMinutes() == null ? DEFAULT_ESCALATE_AFTER_MINUTES : body.escalateAfterMinutes();
        team.escalationTeamId = body.escalationTeamId();
        team.escalationChain(body.escalation());
        team.fallbackAfterMinutes = body.fallbackAfterMinutes();
        team.digest = body.digest() == null || body.digest();
        team.repeatEveryMinutes = body.repeatEveryMinutes();
        // Repeats need both: an interval without a count repeats once.
        team.maxRepeats = body.maxRepeats() != null ? body.maxRepeats() : body.repeatEveryMinutes() == null ? 0 : 1;
        team.updatedAt = Time.now();
    }

    private Channel stored(TeamRequest.ChannelInput input, Map<String, String> storedSecrets) {
        if (input.type() == ChannelType.EMAIL) {
            return Channel.email(input.address());
        }
        if (input.type() == ChannelType.TELEGRAM) {
            String token = input.botToken() == null ? storedSecrets.get(Channel.keptSecretKey(ChannelType.TELEGRAM, null, input.chatId()))
                    : cipher.encrypt(input.botToken());
            return new Channel(ChannelType.TELEGRAM, null, null, null, null, input.chatId(), token, input.apiBaseUrl(), null, null);
        }
        if (input.type() == ChannelType.SIGNAL) {
            return new Channel(ChannelType.SIGNAL, null, input.url(), null, null, null, null, null, input.number(),
                    List.copyOf(input.recipients()));
        }
        String secret = input.secret() == null ? storedSecrets.get(input.url()) : cipher.encrypt(input.secret());
        // Rotation: the previous secret is given with the new one, and ends with a PUT that leaves it out.
        String previous = input.previousSecret() == null ? null : cipher.encrypt(input.previousSecret());
        return Channel.webhook(input.url(), secret, previous);
    }
}
