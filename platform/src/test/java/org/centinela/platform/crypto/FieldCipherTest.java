package org.centinela.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    static final String KEY_1 = "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    static final String KEY_2 = "ZGV2LW9ubHkta2V5LTAxMjM0NTY3ODlhYmNkZWYwMTI=";

    /** The cipher a service builds from these environment variables, mapped as Quarkus maps them. */
    static FieldCipher fromEnvironment(Map<String, String> environment) {
        return new FieldCipher(new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(EncryptionConfig.class)
                .build().getConfigMapping(EncryptionConfig.class));
    }

    @Test
    void roundTripsWithoutLeavingThePlaintextInTheStoredValue() {
        FieldCipher cipher = FieldCipher.withKey("k1", KEY_1);

        String stored = cipher.encrypt("Nombre de la víctima");

        assertFalse(stored.contains("víctima"));
        assertNotEquals(stored, cipher.encrypt("Nombre de la víctima"), "a fresh nonce each time");
        assertEquals("Nombre de la víctima", cipher.decrypt(stored));
    }

    @Test
    void aKeyRetiredThroughItsDocumentedEnvironmentVariableStillDecrypts() {
        String old = fromEnvironment(Map.of("CENTINELA_ENCRYPTION_KEY", KEY_1)).encrypt("secret");

        FieldCipher rotated = fromEnvironment(Map.of(
                "CENTINELA_ENCRYPTION_KEY", KEY_2,
                "CENTINELA_ENCRYPTION_KEY_ID", "k2",
                "CENTINELA_ENCRYPTION_RETIRED_KEYS_K1", KEY_1));

        assertTrue(old.startsWith("k1:"), old);
        assertEquals("secret", rotated.decrypt(old));
        assertTrue(rotated.encrypt("x").startsWith("k2:"));
    }

    @Test
    void aValueUnderAKeyThatIsNoLongerConfiguredNamesTheVariableThatWouldReadIt() {
        String old = FieldCipher.withKey("k1", KEY_1).encrypt("secret");

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> FieldCipher.withKey("k2", KEY_2).decrypt(old));

        assertTrue(refused.getMessage().contains("CENTINELA_ENCRYPTION_RETIRED_KEYS_K1"), refused.getMessage());
    }

    @Test
    void reencryptionMovesAValueToTheCurrentKeyAndLeavesCurrentValuesAsTheyAre() {
        String old = FieldCipher.withKey("k1", KEY_1).encrypt("secret");
        FieldCipher rotated = new FieldCipher(KEY_2, "k2", Map.of("k1", KEY_1));

        String moved = rotated.reencrypt(old);

        assertTrue(moved.startsWith("k2:"), moved);
        assertEquals("secret", FieldCipher.withKey("k2", KEY_2).decrypt(moved));
        assertSame(moved, rotated.reencrypt(moved));
        assertNull(rotated.reencrypt(null));
        assertFalse(rotated.isCurrent(old));
        assertTrue(rotated.isCurrent(moved));
    }

    @Test
    void keyIdsAreLettersAndDigitsStoredInLowerCase() {
        assertTrue(FieldCipher.withKey("K7", KEY_1).encrypt("x").startsWith("k7:"));
        for (String bad : new String[] {"", "k-1", "k_1", "k:1", "a-very-long-key-id-indeed"}) {
            assertThrows(IllegalStateException.class, () -> FieldCipher.withKey(bad, KEY_1), bad);
        }
        assertThrows(IllegalStateException.class, () -> new FieldCipher(KEY_2, "k2", Map.of("k2", KEY_1)),
                "a retired key may not reuse the current id");
    }

    @Test
    void withoutAKeyOrWithAMalformedOneTheCipherIsNotCreated() {
        assertThrows(IllegalStateException.class, () -> fromEnvironment(Map.of()));
        assertThrows(IllegalStateException.class, () -> fromEnvironment(Map.of(
                "CENTINELA_ENCRYPTION_KEY", KEY_2, "CENTINELA_ENCRYPTION_RETIRED_KEYS_K1", "c2hvcnQ=")));
    }

    @Test
    void aTamperedValueOrAWrongKeyIsRefused() {
        String stored = FieldCipher.withKey("k1", KEY_1).encrypt("secret");
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThrows(IllegalStateException.class, () -> FieldCipher.withKey("k1", KEY_1).decrypt(tampered));
        assertThrows(IllegalStateException.class, () -> FieldCipher.withKey("k1", KEY_2).decrypt(stored));
        assertThrows(IllegalStateException.class, () -> FieldCipher.withKey("k1", "c2hvcnQ=").encrypt("x"));
    }
}
