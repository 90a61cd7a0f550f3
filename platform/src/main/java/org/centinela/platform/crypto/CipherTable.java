package org.centinela.platform.crypto;

import java.util.List;

/**
 * A table whose columns hold {@link FieldCipher} values, for {@link Reencryption}: its name, the columns of its
 * primary key (the order in which it is walked) and the columns to rewrite. Names are the code's own constants and
 * go into SQL as they are.
 */
public record CipherTable(String table, List<String> keyColumns, List<Column> columns) {

    /** Rewrites one stored value under the current key; must return the same value when nothing needs rewriting. */
    @FunctionalInterface
    public interface Rewrite {
        String apply(FieldCipher cipher, String stored);
    }

    public record Column(String name, Rewrite rewrite) {

        /** A column holding one ciphertext (or null). */
        public static Column ciphertext(String name) {
            return new Column(name, FieldCipher::reencrypt);
        }
    }

    public static CipherTable of(String table, List<String> keyColumns, Column... columns) {
        return new CipherTable(table, keyColumns, List.of(columns));
    }
}
