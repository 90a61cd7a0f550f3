package org.centinela.reporting.aggregate;

import java.util.UUID;

/**
 * The incidents a bulk load has already written, as 64-bit fingerprints in an open-addressing table: 16 bytes per
 * incident instead of a set of UUIDs, so a replay of millions fits the service's heap. Two ids may share a
 * fingerprint; the load then takes the second for a revision of the first, which costs a lookup, never a figure.
 */
final class SeenIncidents {

    private static final long EMPTY = 0;

    private long[] slots = new long[1 << 16];
    private int size;

    boolean mayContain(UUID id) {
        long fingerprint = fingerprint(id);
        for (int i = index(fingerprint, slots.length); slots[i] != EMPTY; i = (i + 1) & (slots.length - 1)) {
            if (slots[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    void add(UUID id) {
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (insert(slots, fingerprint(id))) {
            size++;
        }
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (long fingerprint : slots) {
            if (fingerprint != EMPTY) {
                insert(larger, fingerprint);
            }
        }
        slots = larger;
    }

    private static boolean insert(long[] table, long fingerprint) {
        int i = index(fingerprint, table.length);
        while (table[i] != EMPTY) {
            if (table[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & (table.length - 1);
        }
        table[i] = fingerprint;
        return true;
    }

    private static int index(long fingerprint, int length) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & (length - 1);
    }

    /** A mix of both halves of the id (never EMPTY): ids that are not random still spread over the table. */
    private static long fingerprint(UUID id) {
        long mixed = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L ^ id.getLeastSignificantBits();
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        return mixed == EMPTY ? 1 : mixed;
    }
}
