package org.centinela.reporting.disclosure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the cell-key method, all derived from the database's disclosure secret (migration V3) with
 * HMAC-SHA256: a record's 32-bit key from its id (the same after a rebuild), and the seed of a response's coins
 * from the response's question and incidents. Without the secret nobody can compute either.
 */
@ApplicationScoped
public class RecordKeys {

    /** Record keys and key sums live in [0, 2^32). */
    public static final long MODULUS = 1L << 32;

    private final SecretKeySpec secret;
    private final String fingerprint;
    private final ThreadLocal<Mac> macs;

    @Inject
    public RecordKeys(AgroalDataSource dataSource) {
        this(read(dataSource));
    }

    /** For unit tests and benchmarks: keys under a given secret. */
    public RecordKeys(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("fingerprint:" + secret).getBytes(StandardCharsets.UTF_8));
            this.fingerprint = HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record key of an incident or alert, in [0, 2^32). */
    public long of(UUID id) {
        return first32Bits(mac("record:" + id));
    }

    /** A 64-bit seed for {@link Coins}, from everything a response's small cells may depend on. */
    public long seed(String context) {
        byte[] mac = mac("coins:" + context);
        long seed = 0;
        for (int i = 0; i < 8; i++) {
            seed = (seed << 8) | (mac[i] & 0xFF);
        }
        return seed;
    }

    /** Names the secret without revealing it, for ETags (a body made under another secret is another body). */
    public String fingerprint() {
        return fingerprint;
    }

    private byte[] mac(String message) {
        return macs.get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static long first32Bits(byte[] mac) {
        return ((mac[0] & 0xFFL) << 24) | ((mac[1] & 0xFFL) << 16) | ((mac[2] & 0xFFL) << 8) | (mac[3] & 0xFFL);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(AgroalDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT secret FROM disclosure_secret WHERE id = 1")) {
            if (!row.next()) {
                throw new IllegalStateException("disclosure_secret has no row: migration V3 did not run");
            }
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the disclosure secret", e);
        }
    }
}
