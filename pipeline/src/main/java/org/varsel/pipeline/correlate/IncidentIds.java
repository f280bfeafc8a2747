package org.varsel.pipeline.correlate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.varsel.contract.IncidentKind;

/** Stable incident ids: the same detector and key always name the same incident, across restarts and replays. */
public final class IncidentIds {
    /**
     * One digest a thread, reset by each {@code digest}: looking SHA-256 up among the security providers for every id
     * was most of an id's cost (docs/performance.md, session 22).
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(IncidentIds::sha256);

    private IncidentIds() {}

    public static String of(IncidentKind kind, String key) {
        byte[] digest = SHA_256.get().digest((kind.label() + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return "inc-" + HexFormat.of().formatHex(digest, 0, 10);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
