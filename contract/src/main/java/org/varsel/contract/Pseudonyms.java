package org.varsel.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of account handles and ids: {@code anon-} and the first 24 hex digits of HMAC-SHA256 under the
 * privacy key. The pipeline pseudonymises authors with it and the desk pseudonymises a handle an analyst searches
 * for, so both must compute exactly the same value; one way, no re-identification. Not thread-safe (one {@link Mac}).
 */
public final class Pseudonyms {
    public static final String PREFIX = "anon-";
    private static final int HEX_CHARS = 24;

    private final Mac mac;

    public Pseudonyms(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a pseudonym key must not be empty");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.trim().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The pseudonym of a handle (normalised first: {@code @Alice} and {@code alice} are one account). */
    public String handle(String handle) {
        return PREFIX + hmac("handle\u0000" + normalise(handle));
    }

    /** The pseudonym of a platform's account id. */
    public String accountId(String id) {
        return PREFIX + hmac("id\u0000" + id.trim());
    }

    public static boolean isPseudonym(String handle) {
        return handle != null && handle.startsWith(PREFIX) && handle.length() == PREFIX.length() + HEX_CHARS;
    }

    /** Lower case, trimmed, without a leading {@code @} (also after a {@code platform:} prefix). */
    public static String normalise(String handle) {
        String s = handle.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon > 0 && colon + 1 < s.length() && s.charAt(colon + 1) == '@') {
            s = s.substring(0, colon + 1) + s.substring(colon + 2);
        }
        return s.startsWith("@") ? s.substring(1) : s;
    }

    private String hmac(String value) {
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    }

    @Override
    public String toString() {
        return "Pseudonyms[key=(set)]";
    }
}
