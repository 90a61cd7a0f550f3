package org.centinela.platform.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Rewrites every ciphertext of the service's {@link CipherTables} under the current key, after a rotation, so that
 * the retired key can then be removed. Walks each table in primary-key order in batches, one transaction each,
 * locking the batch's rows ({@code FOR UPDATE}) so that a concurrent change of a row waits for, or is seen by, its
 * rewrite. Values already under the current key are left alone: a run is idempotent, and one stopped half-way (a
 * restart) is resumed by running it again. Decrypted values live only in this thread's memory, and are not audited
 * as reads: nobody sees them.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);
    static final int BATCH = 500;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final FieldCipher cipher;
    private final CipherTables tables;
    private final AtomicReference<ReencryptionProgress> progress;

    public Reencryption(DataSource dataSource, FieldCipher cipher, CipherTables tables) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.tables = tables;
        this.progress = new AtomicReference<>(ReencryptionProgress.idle(cipher.currentKeyId()));
    }

    public ReencryptionProgress progress() {
        return progress.get();
    }

    /** Starts a run in the background; false when one is already running. */
    public synchronized boolean start() {
        if (ReencryptionProgress.RUNNING.equals(progress.get().state())) {
            return false;
        }
        progress.set(new ReencryptionProgress(ReencryptionProgress.RUNNING, cipher.currentKeyId(), null, 0, 0, 0, 0,
                Instant.now(), null, null));
        Thread thread = new Thread(this::run, "centinela-reencryption");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run() {
        try (Connection connection = dataSource.getConnection()) {
            long total = 0;
            for (CipherTable table : tables.tables()) {
                total += count(connection, table);
            }
            ReencryptionProgress started = progress.get();
            progress.set(new ReencryptionProgress(started.state(), started.keyId(), null, 0, total, 0, 0,
                    started.startedAt(), null, null));
            LOG.infof("[keyId=%s] Re-encryption started: %d rows", cipher.currentKeyId(), total);
            connection.setAutoCommit(false);
            try {
                for (CipherTable table : tables.tables()) {
                    walk(connection, table);
                }
            } finally {
                connection.setAutoCommit(true);
            }
            progress.set(progress.get().finished(Instant.now()));
            ReencryptionProgress done = progress.get();
            LOG.infof("[keyId=%s] Re-encryption done: %d rows, %d rewritten, in %s", done.keyId(), done.rowsDone(),
                    done.rewritten(), Duration.between(done.startedAt(), done.finishedAt()));
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too: the run must end FAILED, never stay RUNNING with no thread behind it.
            LOG.errorf(e, "[keyId=%s] Re-encryption failed; run it again once the cause is fixed", cipher.currentKeyId());
            progress.set(progress.get().failed(Instant.now(), String.valueOf(e.getMessage())));
        }
    }

    private static long count(Connection connection, CipherTable table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table.table())) {
            result.next();
            return result.getLong(1);
        }
    }

    private void walk(Connection connection, CipherTable table) throws SQLException {
        List<Object> after = null;
        Instant lastLog = Instant.now();
        while (true) {
            Batch batch = rewriteBatch(connection, table, after);
            connection.commit();
            ReencryptionProgress now = progress.get();
            progress.set(now.advanced(table.table(), now.rowsDone() + batch.rows(), batch.rewritten()));
            if (batch.rows() < BATCH) {
                return;
            }
            after = batch.lastKey();
            if (Duration.between(lastLog, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                now = progress.get();
                LOG.infof("[keyId=%s, table=%s] Re-encryption %.1f%%: %d of %d rows, %d rewritten", now.keyId(),
                        table.table(), now.percent(), now.rowsDone(), now.rowsTotal(), now.rewritten());
                lastLog = Instant.now();
            }
        }
    }

    private record Batch(int rows, int rewritten, List<Object> lastKey) {
    }

    /** The next batch of rows after {@code after} (from the start when null), locked, rewritten where needed. */
    private Batch rewriteBatch(Connection connection, CipherTable table, List<Object> after) throws SQLException {
        String keys = String.join(", ", table.keyColumns());
        List<String> columns = table.columns().stream().map(CipherTable.Column::name).toList();
        String where = after == null ? ""
                : " WHERE (" + keys + ") > (" + String.join(", ", Collections.nCopies(after.size(), "?")) + ")";
        String select = "SELECT " + keys + ", " + String.join(", ", columns) + " FROM " + table.table() + where
                + " ORDER BY " + keys + " LIMIT " + BATCH + " FOR UPDATE";
        String update = "UPDATE " + table.table() + " SET "
                + String.join(", ", columns.stream().map(column -> column + " = ?").toList())
                + " WHERE " + String.join(" AND ", table.keyColumns().stream().map(key -> key + " = ?").toList());
        int rows = 0;
        int rewritten = 0;
        List<Object> lastKey = after;
        try (PreparedStatement query = connection.prepareStatement(select);
             PreparedStatement write = connection.prepareStatement(update)) {
            if (after != null) {
                for (int i = 0; i < after.size(); i++) {
                    query.setObject(i + 1, after.get(i));
                }
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows++;
                    lastKey = new ArrayList<>();
                    for (int i = 0; i < table.keyColumns().size(); i++) {
                        lastKey.add(row.getObject(i + 1));
                    }
                    boolean changed = false;
                    for (int i = 0; i < columns.size(); i++) {
                        String stored = row.getString(table.keyColumns().size() + i + 1);
                        String rewrittenValue = table.columns().get(i).rewrite().apply(cipher, stored);
                        changed |= stored != null && !stored.equals(rewrittenValue);
                        write.setString(i + 1, rewrittenValue);
                    }
                    if (changed) {
                        for (int i = 0; i < lastKey.size(); i++) {
                            write.setObject(columns.size() + i + 1, lastKey.get(i));
                        }
                        write.addBatch();
                        rewritten++;
                    }
                }
            }
            if (rewritten > 0) {
                write.executeBatch();
            }
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw new IllegalStateException("Re-encryption of table " + table.table() + " failed: " + e.getMessage(), e);
        }
        return new Batch(rows, rewritten, lastKey);
    }
}
