package org.centinela.platform.crypto;

import java.time.Instant;

/**
 * What GET /api/v1/admin/reencrypt shows: IDLE, RUNNING, DONE or FAILED; the key values are moved to; rows looked
 * at of all rows, and how many of them had a value under another key and were rewritten.
 */
public record ReencryptionProgress(String state, String keyId, String table, long rowsDone, long rowsTotal,
                                   long rewritten, double percent, Instant startedAt, Instant finishedAt,
                                   String error) {

    public static final String IDLE = "IDLE";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    static ReencryptionProgress idle(String keyId) {
        return new ReencryptionProgress(IDLE, keyId, null, 0, 0, 0, 0, null, null, null);
    }

    ReencryptionProgress advanced(String atTable, long done, long more) {
        double ratio = rowsTotal == 0 ? 100.0 : Math.min(100.0, 100.0 * done / rowsTotal);
        return new ReencryptionProgress(RUNNING, keyId, atTable, done, rowsTotal, rewritten + more,
                Math.round(ratio * 10) / 10.0, startedAt, null, null);
    }

    ReencryptionProgress finished(Instant at) {
        return new ReencryptionProgress(DONE, keyId, null, rowsDone, rowsTotal, rewritten, 100.0, startedAt, at, null);
    }

    ReencryptionProgress failed(Instant at, String message) {
        return new ReencryptionProgress(FAILED, keyId, table, rowsDone, rowsTotal, rewritten, percent, startedAt, at,
                message);
    }
}
