package org.centinela.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens an attacker (or time) makes, shaped like Centinela's HS256 JWTs: expired, signed with another key,
 * {@code alg: none}, malformed. The services under test must refuse each with a 401.
 */
public final class ForgedTokens {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** The key the test command gives the services (see the root pom's surefire environment). */
    public static String testSigningKey() {
        return TestEnvironment.env("CENTINELA_TOKEN_SIGNING_KEY", "test-signing-key-0123456789abcdef0123456789");
    }

    /** A token for {@code principal} as {@code role} under the test key, expired an hour ago. */
    public static String expired(UUID principal, String role) {
        Instant past = Instant.now().minusSeconds(7200);
        return signed(testSigningKey(), claims(principal, role, past, past.plusSeconds(3600)));
    }

    /** A token made here the way the services make theirs, valid: the control that shows the forgeries are well made. */
    public static String valid(UUID principal, String role) {
        Instant now = Instant.now();
        return signed(testSigningKey(), claims(principal, role, now, now.plusSeconds(3600)));
    }

    /** A token valid in every way but signed with a key the services do not know. */
    public static String otherKey(UUID principal, String role) {
        Instant now = Instant.now();
        return signed("another-signing-key-nobody-configured-0123456789", claims(principal, role, now, now.plusSeconds(3600)));
    }

    /** An unsigned token ({@code alg: none}) with valid claims. */
    public static String algNone(UUID principal, String role) {
        Instant now = Instant.now();
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims(principal, role, now, now.plusSeconds(3600))) + ".";
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "eyJhbGciOiJIUzI1NiJ9.not-json.%%%";
    }

    private static String claims(UUID principal, String role, Instant issued, Instant expires) {
        return "{\"iss\":\"centinela\",\"sub\":\"" + principal + "\",\"groups\":[\"" + role + "\"],\"iat\":"
                + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
    }

    private static String signed(String key, String claims) {
        String unsigned = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"t1\"}") + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return unsigned + "." + BASE64URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
