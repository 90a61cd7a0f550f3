package org.centinela.intake.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.centinela.platform.crypto.FieldCipher;
import org.centinela.platform.problem.Problem;
import org.centinela.platform.problem.ProblemException;
import org.hibernate.Session;

/**
 * {@code Idempotency-Key} per organisation. {@link #claim} inserts the key row first in the caller's
 * transaction: the primary key makes concurrent duplicates wait until the first request commits (or rolls back),
 * and they then read its stored answer. Never check-then-insert. Stored answers are encrypted, since they contain
 * the incident's description and confidential part.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    private final EntityManager entityManager;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    public IdempotencyKeys(EntityManager entityManager, FieldCipher cipher, ObjectMapper json) {
        this.entityManager = entityManager;
        this.cipher = cipher;
        this.json = json;
    }

    /** The request's key, or null without one; a 400 problem for an empty, repeated or malformed header. */
    public static String from(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw invalid();
        }
        check(values.get(0));
        return values.get(0);
    }

    /** 1..200 printable ASCII characters (SPEC §9); otherwise a 400 naming the header. */
    public static void check(String key) {
        boolean valid = !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!valid) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return new ProblemException(Problem.invalid("Invalid Idempotency-Key header", List.of(
                new Problem.FieldError(HEADER, "one header of 1.." + MAX_LENGTH + " printable ASCII characters"))));
    }

    /** SHA-256 of the body's canonical JSON (keys sorted), so that equal JSON means the same request. */
    public String hash(JsonNode body) {
        try {
            byte[] canonical = json.writeValueAsBytes(canonical(body));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                sorted.put(name, canonical(object.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        return node;
    }

    /**
     * Claims {@code key} for this request inside the current transaction. Empty: the caller is first and must
     * {@link #complete} it in the same transaction. Otherwise the stored answer of the first request with this key;
     * 422 when that request had another body.
     */
    public Optional<StoredResponse> claim(UUID organisationId, String key, String requestHash) {
        Optional<Claimed> earlier = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key "
                    + "(organisation_id, key, request_hash, created_at) VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                insert.setObject(1, organisationId);
                insert.setString(2, key);
                insert.setString(3, requestHash);
                if (insert.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT request_hash, status, location, body_enc "
                    + "FROM idempotency_key WHERE organisation_id = ? AND key = ?")) {
                select.setObject(1, organisationId);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return Optional.of(new Claimed(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)));
                }
            }
        });
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Claimed first = earlier.get();
        if (!first.requestHash().equals(requestHash)) {
            throw new ProblemException(Problem.of(422, "Unprocessable Content",
                    "This Idempotency-Key was already used with a different request body"));
        }
        return Optional.of(new StoredResponse(first.status(), first.location(), cipher.decrypt(first.bodyEnc())));
    }

    private record Claimed(String requestHash, int status, String location, String bodyEnc) {
    }

    /** Stores the answer of the request that claimed {@code key}, in its transaction. */
    public void complete(UUID organisationId, String key, StoredResponse response) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE idempotency_key SET status = ?, "
                    + "location = ?, body_enc = ? WHERE organisation_id = ? AND key = ?")) {
                update.setInt(1, response.status());
                update.setString(2, response.location());
                update.setString(3, cipher.encrypt(response.body()));
                update.setObject(4, organisationId);
                update.setString(5, key);
                update.executeUpdate();
            }
        });
    }

}
