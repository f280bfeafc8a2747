package org.varsel.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives a signal's id from its source and external id, so a replay of the same signal gets the same id. */
public final class SignalIds {
    private SignalIds() {}

    public static String of(String source, String externalId) {
        return "sig-" + sha256Hex(source + "\n" + externalId).substring(0, 24);
    }

    /** The Kafka record key of a raw signal: keeps one sender's retries of one signal on one partition. */
    public static String rawKey(String source, String externalId) {
        return source + "/" + externalId;
    }

    static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
