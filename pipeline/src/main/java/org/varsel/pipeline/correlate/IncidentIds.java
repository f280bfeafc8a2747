package org.varsel.pipeline.correlate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.varsel.contract.IncidentKind;

/** Stable incident ids: the same detector and key always name the same incident, across restarts and replays. */
public final class IncidentIds {
    private IncidentIds() {}

    public static String of(IncidentKind kind, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((kind.label() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
