package org.centinela.alerts.notification;

import org.centinela.alerts.delivery.Claim;
import org.centinela.alerts.delivery.Delivery;
import org.centinela.alerts.delivery.DeliveryConfig;
import org.centinela.alerts.delivery.DeliveryRows;
import org.centinela.alerts.delivery.DeliveryStatus;
import org.centinela.alerts.Time;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.centinela.alerts.acknowledgement.AcknowledgeLinkConfig;
import org.centinela.alerts.acknowledgement.AcknowledgeLinks;
import org.centinela.alerts.alert.Alert;
import org.centinela.alerts.alert.Incident;
import org.centinela.alerts.team.Channel;
import org.centinela.alerts.team.ChannelType;
import org.centinela.alerts.team.Team;

/**
 * Writes the deliveries of one notification (one per channel) in the caller's transaction, each already claimed
 * with its first attempt row, so that the caller can send them the moment it commits. Should the instance stop
 * before sending, the claim lapses and the poller sends them.
 */
@ApplicationScoped
public class Notifications {

    private final NotificationRenderer renderer;
    private final DeliveryConfig config;
    private final AcknowledgeLinks links;
    private final AcknowledgeLinkConfig linkConfig;
    private final DeliveryRows rows;

    public Notifications(NotificationRenderer renderer, DeliveryConfig config, AcknowledgeLinks links,
                         AcknowledgeLinkConfig linkConfig, DeliveryRows rows) {
        this.rows = rows;
        this.renderer = renderer;
        this.config = config;
        this.links = links;
        this.linkConfig = linkConfig;
    }

    /**
     * @param teamId the team these channels are (null: the coordinators'), which each delivery's one-click
     *               acknowledge link is bound to, with its alert and channel
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> notify(String event, Alert alert, Incident incident, UUID teamId, String language,
                              List<Channel> channels) {
        return write(event, alert, incident, teamId, language, channels, null, null);
    }

    /** To a team: every channel at once, or, with {@code fallbackAfterMinutes}, its first channel only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> notify(String event, Alert alert, Incident incident, Team team) {
        List<Channel> channels = team.channelList();
        return team.fallbackAfterMinutes == null
                ? write(event, alert, incident, team.id, team.language, channels, null, null)
                : fallback(event, alert, incident, team, 0, null);
    }

    /** The notification on the team's channel {@code index}, falling back from delivery {@code from} (null: none). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> fallback(String event, Alert alert, Incident incident, Team team, int index, UUID from) {
        return write(event, alert, incident, team.id, team.language, List.of(team.channelList().get(index)),
                new Position(index, Duration.ofMinutes(team.fallbackAfterMinutes)), from);
    }

    /** A channel's place in its team's order, and how long it may fail before the next one takes over. */
    private record Position(int index, Duration fallbackAfter) {
    }

    private List<Claim> write(String event, Alert alert, Incident incident, UUID teamId, String language,
                              List<Channel> channels, Position position, UUID from) {
        Instant now = Time.now();
        NotificationView common = renderer.view(event, alert, incident, language, now);
        List<Claim> claims = new ArrayList<>(channels.size());
        for (Channel channel : channels) {
            // Filled here, written by DeliveryRows in plain JDBC (never persisted through Hibernate on this path).
            Delivery delivery = new Delivery();
            delivery.id = UUID.randomUUID();
            // The delivery's id is its link's id: each link works once, a repeat brings a fresh one.
            NotificationView view = common.withAcknowledgeLink(renderer.acknowledgeLink(alert.id, links.token(alert.id,
                    teamId, channel.type().name(), language, delivery.id, now.plus(linkConfig.lifetime()))));
            delivery.alertId = alert.id;
            delivery.event = event;
            delivery.channel = channel.type();
            delivery.target = channel.target();
            delivery.status = DeliveryStatus.PENDING;
            delivery.createdAt = now;
            delivery.nextAttemptAt = now.plus(config.claimLease());
            delivery.teamId = teamId;
            delivery.fallbackFrom = from;
            if (position != null) {
                delivery.channelIndex = position.index();
                delivery.fallbackAt = now.plus(position.fallbackAfter());
            }
            if (channel.type() == ChannelType.EMAIL) {
                NotificationRenderer.Email email = renderer.email(view, language);
                delivery.subject = email.subject();
                delivery.body = email.text();
            } else if (channel.type() == ChannelType.TELEGRAM) {
                delivery.secret = channel.botToken();
                delivery.body = renderer.telegram(view, language, channel.chatId());
            } else if (channel.type() == ChannelType.SIGNAL) {
                delivery.body = renderer.signal(view, language, channel.number(), channel.recipients());
            } else {
                delivery.secret = channel.secret();
                delivery.previousSecret = channel.previousSecret();
                delivery.body = renderer.webhook(view);
            }
            claims.add(rows.insertClaimed(delivery, now));
        }
        return claims;
    }
}
