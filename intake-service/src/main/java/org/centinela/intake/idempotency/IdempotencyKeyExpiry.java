package org.centinela.intake.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Forgets Idempotency-Keys older than the retention, so the table does not grow for ever. */
@ApplicationScoped
public class IdempotencyKeyExpiry {

    static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(IdempotencyKeyExpiry.class);

    private final AgroalDataSource dataSource;
    private final Duration retention;

    public IdempotencyKeyExpiry(AgroalDataSource dataSource, IdempotencyConfig config) {
        if (config.retention().compareTo(MINIMUM_RETENTION) < 0) {
            throw new IllegalStateException("centinela.idempotency.retention must be at least " + MINIMUM_RETENTION);
        }
        this.dataSource = dataSource;
        this.retention = config.retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireOldKeys() throws SQLException {
        int removed = expire();
        if (removed > 0) {
            LOG.infof("Forgot %d Idempotency-Keys older than %s", removed, retention);
        }
    }

    /** Deletes the keys older than the retention; returns how many. */
    public int expire() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM idempotency_key WHERE created_at < now() - make_interval(secs => ?)")) {
            delete.setLong(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }
}
