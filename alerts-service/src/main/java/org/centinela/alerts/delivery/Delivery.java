package org.centinela.alerts.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.centinela.alerts.team.ChannelType;

/**
 * One notification to one channel, rendered once: every retry sends the same bytes under the same id
 * ({@code X-Centinela-Delivery}), so a receiver can deduplicate and the signature stays the same.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID alertId;
    public String event;
    @Enumerated(EnumType.STRING)
    public ChannelType channel;
    public String target;
    /** The webhook secret, encrypted as the team's channel stores it. */
    public String secret;
    /** While the channel's secret is rotated, the previous one (encrypted): webhooks carry both signatures. */
    public String previousSecret;
    public String subject;
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public int failedAttempts;
    public Instant completedAt;
    /** Channel fallback: the team and its channel's position; when to hand over to the next; the one handed over from. */
    public UUID teamId;
    public Integer channelIndex;
    public Instant fallbackAt;
    public UUID fallbackFrom;
    public boolean fellBack;
}
