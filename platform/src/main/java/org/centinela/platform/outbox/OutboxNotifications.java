package org.centinela.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * LISTENs for commits that wrote outbox rows in any instance of this service and wakes the local relay, so an instance
 * whose relay is idle picks up another's rows at once instead of at the next poll. Uses a connection of its own,
 * outside the pool, since it waits on it for as long as the service runs.
 */
@ApplicationScoped
public class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);

    private final OutboxRelay relay;
    private final OutboxConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean running;

    public OutboxNotifications(OutboxRelay relay, OutboxConfig config,
                               @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                               @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                               @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.relay = relay;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (config.topic().isEmpty() || !config.notifyOnCommit() || !config.relayEnabled()) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "centinela-outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user.orElse(null), password.orElse(""))) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + OutboxWriter.CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(1000);
                    if (notifications != null && notifications.length > 0) {
                        relay.wake();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Outbox LISTEN connection lost (%s); the relay polls meanwhile", e.getMessage());
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
