package org.centinela.alerts.team;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.centinela.contract.vocabulary.Priority;

/** A rapid-response team. Deleted teams stay (their alerts are evidence) but get nothing new. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    // Channels are a small value list read and written whole; a plain mapper keeps them out of the strict API one.
    private static final ObjectMapper CHANNELS = new ObjectMapper();

    @Id
    public UUID id;
    public String name;
    public String language;
    public String regions;
    @Enumerated(EnumType.STRING)
    public Priority minPriority;
    public String channels;
    public int escalateAfterMinutes;
    public UUID escalationTeamId;
    /** The escalation chain as JSON; null = the one step of escalateAfterMinutes and escalationTeamId. */
    public String escalationSteps;
    public boolean digest;
    /** Null: no repeats. */
    public Integer repeatEveryMinutes;
    public int maxRepeats;
    /** Null: every channel at once; else the channels in order, the next one after this long failing. */
    public Integer fallbackAfterMinutes;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant deletedAt;

    public static Optional<Team> findActive(UUID id) {
        return Team.<Team>findByIdOptional(id).filter(team -> team.deletedAt == null);
    }

    public static List<Team> listActive() {
        return Team.list("deletedAt is null order by createdAt");
    }

    public List<String> regionList() {
        return regions.isEmpty() ? List.of() : Arrays.asList(regions.split(","));
    }

    public void regionList(List<String> codes) {
        regions = String.join(",", codes);
    }

    /** The channels as stored: webhook secrets still encrypted. */
    public List<Channel> channelList() {
        try {
            return CHANNELS.readValue(channels, new TypeReference<List<Channel>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored channels of team " + id + " are not readable", e);
        }
    }

    public void channelList(List<Channel> list) {
        try {
            channels = CHANNELS.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The escalation chain; a team without one escalates once, to its escalation team or the coordinators. */
    public List<EscalationStep> escalationChain() {
        if (escalationSteps == null) {
            return List.of(new EscalationStep(escalateAfterMinutes, escalationTeamId));
        }
        try {
            return CHANNELS.readValue(escalationSteps, new TypeReference<List<EscalationStep>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored escalation chain of team " + id + " is not readable", e);
        }
    }

    public void escalationChain(List<EscalationStep> steps) {
        try {
            escalationSteps = steps == null ? null : CHANNELS.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
