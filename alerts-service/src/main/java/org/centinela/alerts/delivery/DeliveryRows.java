package org.centinela.alerts.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hot path's delivery rows in plain JDBC on the transaction's own connection: a new delivery with its first
 * attempt claimed (one statement), and successful attempts' outcomes (batched). Hibernate's find, persist and flush
 * of the same rows cost a quarter of the service's CPU per incident (bench/RESULTS.md, the profile).
 */
@ApplicationScoped
public class DeliveryRows {

    // One round trip: the attempt's foreign key is checked at the end of the statement, when the delivery exists.
    private static final String INSERT_CLAIMED = """
            WITH delivery_row AS (
                INSERT INTO delivery (id, alert_id, event, channel, target, secret, previous_secret, subject, body, status,
                                      created_at, next_attempt_at, team_id, channel_index, fallback_at, fallback_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?)
                RETURNING id)
            INSERT INTO delivery_attempt (delivery_id, at, outcome)
            SELECT id, ?, 'SENDING' FROM delivery_row
            RETURNING id""";
    private static final String RECORD_ATTEMPT = "UPDATE delivery_attempt SET outcome = ?, http_status = ?, error = ? WHERE id = ?";
    private static final String DELIVERED = """
            UPDATE delivery SET status = 'DELIVERED', completed_at = ? WHERE id = ANY (?) AND status = 'PENDING'
            RETURNING id""";

    private final AgroalDataSource dataSource;

    public DeliveryRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes {@code delivery} (its fields as set by the caller; status PENDING, its claim lapsing at
     * {@code nextAttemptAt}) and its first attempt, SENDING since {@code at}; returns the claim to send.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim insertClaimed(Delivery delivery, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT_CLAIMED)) {
            insert.setObject(1, delivery.id);
            insert.setObject(2, delivery.alertId);
            insert.setString(3, delivery.event);
            insert.setString(4, delivery.channel.name());
            insert.setString(5, delivery.target);
            insert.setString(6, delivery.secret);
            insert.setString(7, delivery.previousSecret);
            insert.setString(8, delivery.subject);
            insert.setString(9, delivery.body);
            insert.setObject(10, utc(delivery.createdAt));
            insert.setObject(11, utc(delivery.nextAttemptAt));
            insert.setObject(12, delivery.teamId, Types.OTHER);
            insert.setObject(13, delivery.channelIndex, Types.INTEGER);
            insert.setObject(14, utc(delivery.fallbackAt), Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setObject(15, delivery.fallbackFrom, Types.OTHER);
            insert.setObject(16, utc(at));
            try (ResultSet attempt = insert.executeQuery()) {
                attempt.next();
                return new Claim(delivery.id, attempt.getLong(1), delivery.alertId, delivery.event, delivery.channel,
                        delivery.target, delivery.secret, delivery.previousSecret, delivery.subject, delivery.body, at);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Delivery not written [alertId=" + delivery.alertId + "]", e);
        }
    }

    /**
     * Records successful attempts and marks their deliveries DELIVERED, in batched statements; returns the claims
     * whose delivery this did (not those no longer pending: another instance finished them after a claim lapsed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claim> delivered(List<OutcomeRecorder.Outcome> successes, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(RECORD_ATTEMPT)) {
                for (OutcomeRecorder.Outcome success : successes) {
                    update.setString(1, DeliveryAttempt.SUCCESS);
                    update.setObject(2, success.httpStatus(), Types.INTEGER);
                    update.setString(3, null);
                    update.setLong(4, success.claim().attemptId());
                    update.addBatch();
                }
                update.executeBatch();
            }
            Map<UUID, Claim> byDelivery = new HashMap<>();
            successes.forEach(success -> byDelivery.put(success.claim().deliveryId(), success.claim()));
            List<Claim> done = new ArrayList<>(successes.size());
            try (PreparedStatement update = connection.prepareStatement(DELIVERED)) {
                update.setObject(1, utc(now));
                update.setArray(2, connection.createArrayOf("uuid", byDelivery.keySet().toArray()));
                try (ResultSet result = update.executeQuery()) {
                    while (result.next()) {
                        done.add(byDelivery.get(result.getObject(1, UUID.class)));
                    }
                }
            }
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("Delivery outcomes not written (" + successes.size() + " deliveries)", e);
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
