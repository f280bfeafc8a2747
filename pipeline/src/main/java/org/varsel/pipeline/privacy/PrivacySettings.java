package org.varsel.pipeline.privacy;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.varsel.contract.Pseudonyms;

/**
 * How the pipeline pseudonymises authors.
 *
 * @param handleKey the HMAC-SHA256 secret ({@code pipeline.privacy.handle-key}); never logged ({@link #toString})
 * @param publicAccounts accounts whose handles stay clear ({@code pipeline.privacy.public-accounts}): normalised
 *     {@code handle} or {@code platform:handle} entries
 */
public record PrivacySettings(String handleKey, Set<String> publicAccounts) implements Serializable {
    public static final String HANDLE_KEY = "pipeline.privacy.handle-key";
    public static final String PUBLIC_ACCOUNTS = "pipeline.privacy.public-accounts";
    /** Shortest accepted key, in characters: a guessable key would let anyone recompute pseudonyms from handles. */
    public static final int MIN_KEY_LENGTH = 32;

    public PrivacySettings {
        handleKey = handleKey == null ? "" : handleKey.trim();
        publicAccounts = Set.copyOf(publicAccounts);
    }

    /** From the configuration values: the key, and a comma-separated list of public accounts. */
    public static PrivacySettings of(String handleKey, String publicAccounts) {
        Set<String> accounts = new LinkedHashSet<>();
        for (String entry : (publicAccounts == null ? "" : publicAccounts).split(",")) {
            String normalised = normalise(entry);
            if (!normalised.isEmpty()) {
                accounts.add(normalised);
            }
        }
        return new PrivacySettings(handleKey, accounts);
    }

    /** Lower case, trimmed, without a leading {@code @} (also after a {@code platform:} prefix). */
    public static String normalise(String handle) {
        return Pseudonyms.normalise(handle);
    }

    public boolean hasKey() {
        return !handleKey.isEmpty();
    }

    /** Production: refuses to go on without a key of reasonable length. */
    public PrivacySettings requireKey() {
        if (handleKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    HANDLE_KEY + " (or VARSEL_PIPELINE_PRIVACY_HANDLE_KEY) must be set to a secret" + " of at least "
                            + MIN_KEY_LENGTH + " characters: author handles are pseudonymised with it");
        }
        return this;
    }

    /** These settings, with a fresh random key if none is configured (demo, tests: pseudonyms of one run only). */
    public PrivacySettings withGeneratedKeyIfMissing() {
        return hasKey() ? this : new PrivacySettings(generateKey(), publicAccounts);
    }

    /** A random 256-bit key, hex. */
    public static String generateKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String hex = HexFormat.of().formatHex(key);
        Arrays.fill(key, (byte) 0);
        return hex;
    }

    @Override
    public String toString() {
        return "PrivacySettings[handleKey=" + (hasKey() ? "(set)" : "(empty)") + ", publicAccounts=" + publicAccounts
                + "]";
    }
}
