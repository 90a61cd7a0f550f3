package org.centinela.platform.crypto;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Key ids of encryption and token-signing keys: 1..16 lower-case letters and digits. They are stored with every
 * value ({@code k1:…}) and named in environment variables in upper case ({@code …_RETIRED_KEYS_K1}), which SmallRye
 * Config turns back into lower case; letters and digits only, because {@code _} and {@code -} in a variable's name
 * would be read as separators.
 */
public final class KeyIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,16}");

    private KeyIds() {
    }

    /** {@code id}, lower-cased; an error naming {@code setting} when it is not a valid key id. */
    public static String check(String id, String setting) {
        String lower = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (!ID.matcher(lower).matches()) {
            throw new IllegalStateException(setting + ": key id '" + id + "' must be 1 to 16 letters and digits");
        }
        return lower;
    }

    /** The retired keys by their checked ids; none may reuse the current key's id. */
    public static Map<String, String> retired(Map<String, String> byId, String currentId, String setting) {
        Map<String, String> checked = new HashMap<>();
        byId.forEach((id, key) -> {
            String lower = check(id, setting);
            if (lower.equals(currentId)) {
                throw new IllegalStateException(setting + ": key id '" + lower + "' is also the current key's id");
            }
            if (checked.put(lower, key) != null) {
                throw new IllegalStateException(setting + ": key id '" + lower + "' is given twice");
            }
        });
        return checked;
    }
}
