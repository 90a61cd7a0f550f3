package org.centinela.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens an attacker could present, written here from the JWT format (RFC 7519, HS256) rather than with the
 * services' own issuer, so that a test of refusal does not share the code it tests: expired, signed with a key the
 * services do not have, unsigned ({@code alg: none}), and plain garbage.
 */
public final class ForgedTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The test signing key (see the root pom), which the services under test verify with. */
    public static String testSigningKey() {
        return TestEnvironment.env("CENTINELA_TOKEN_SIGNING_KEY", "test-signing-key-0123456789abcdef0123456789");
    }

    /**
     * A token of {@code subject} in {@code role} as the services would issue it: the control that shows the forgeries
     * below are refused for what is wrong with them, not for their format.
     */
    public static String valid(UUID subject, String role) {
        return signed(testSigningKey(), "t1", claims(subject, role, Instant.now(), Instant.now().plusSeconds(3600)));
    }

    /** A well-formed token of {@code subject} in {@code role}, signed with the test key, that expired an hour ago. */
    public static String expired(UUID subject, String role) {
        return signed(testSigningKey(), "t1", claims(subject, role, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600)));
    }

    /** A token of {@code subject} in {@code role}, valid in every way but signed with a key of the attacker's. */
    public static String signedWithAnotherKey(UUID subject, String role) {
        return signed("an-attackers-own-key-0123456789abcdefghijkl", "t1", claims(subject, role, Instant.now(),
                Instant.now().plusSeconds(3600)));
    }

    /** An unsigned token ({@code alg: none}) claiming {@code role}. */
    public static String unsigned(UUID subject, String role) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + encode(claims(subject, role, Instant.now(), Instant.now().plusSeconds(3600))) + ".";
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "not-a-token.%%%.";
    }

    private static ObjectNode claims(UUID subject, String role, Instant issuedAt, Instant expiresAt) {
        ObjectNode claims = Json.MAPPER.createObjectNode()
                .put("iss", "centinela").put("sub", subject.toString())
                .put("iat", issuedAt.getEpochSecond()).put("exp", expiresAt.getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        claims.putArray("groups").add(role);
        return claims;
    }

    private static String signed(String key, String keyId, ObjectNode claims) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", keyId);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(ObjectNode json) {
        return URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
