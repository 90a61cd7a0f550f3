package org.centinela.intake.reencryption;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** An instance after a rotation: the tests' key current, the key k0 of before retired. */
public class RetiredKeyProfile implements QuarkusTestProfile {

    static final String K0 = "cm90YXRpb24tdGVzdC1rZXktMDEyMzQ1Njc4OWFiY2Q=";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("centinela.encryption.retired-keys.k0", K0);
    }
}
