package org.varsel.desk.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens: 32 random bytes, URL-safe, with a recognisable prefix; only their SHA-256 is ever stored. */
public final class ApiTokens {
    public static final String PREFIX = "vsl_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {}

    /** A new token, e.g. {@code vsl_Qm9...}: 256 bits from {@link SecureRandom}. */
    public static String generate() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The SHA-256 of the token as 64 lower-case hex digits: what the database keeps and looks up. */
    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Whether the string has the shape of a token (cheap check before any database work). */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null
                && candidate.startsWith(PREFIX)
                && candidate.length() <= 128
                && candidate.substring(PREFIX.length()).matches("[A-Za-z0-9_-]{20,}");
    }
}
