package org.centinela.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String KEY_1 = "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=";
    private static final String KEY_2 = "ZGV2LW9ubHkta2V5LTAxMjM0NTY3ODlhYmNkZWYwMTI=";

    @Test
    void roundTripsWithoutLeavingThePlaintextInTheStoredValue() {
        FieldCipher cipher = FieldCipher.withKey("k1", KEY_1);

        String stored = cipher.encrypt("Nombre de la víctima");

        assertFalse(stored.contains("víctima"));
        assertNotEquals(stored, cipher.encrypt("Nombre de la víctima"), "a fresh nonce each time");
        assertEquals("Nombre de la víctima", cipher.decrypt(stored));
    }

    @Test
    void valuesUnderARetiredKeyStillDecryptAfterRotation() {
        String old = FieldCipher.withKey("k1", KEY_1).encrypt("secret");

        FieldCipher rotated = new FieldCipher(KEY_2, "k2", Map.of("k1", KEY_1));

        assertEquals("secret", rotated.decrypt(old));
        assertEquals("k2", rotated.encrypt("x").substring(0, 2));
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
