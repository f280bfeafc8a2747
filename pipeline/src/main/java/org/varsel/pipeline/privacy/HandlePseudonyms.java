package org.varsel.pipeline.privacy;

import java.io.Serializable;
import org.varsel.contract.Author;
import org.varsel.contract.Pseudonyms;
import org.varsel.contract.Signal;

/**
 * Replaces the author of a signal from a non-public account by keyed hashes: {@code handle} becomes
 * {@code anon-<24 hex>} (HMAC-SHA256 of the normalised handle), {@code id} likewise, the display name is dropped.
 * The same handle always gives the same pseudonym under one key, so coordination detectors still count distinct
 * accounts; without the key the handle cannot be recomputed from the pseudonym (nor checked by guessing).
 * The hashing is the contract's {@link Pseudonyms}, which the desk uses to search by handle. Not thread-safe (one
 * {@code Mac}); each operator instance has its own.
 */
public final class HandlePseudonyms implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String PREFIX = Pseudonyms.PREFIX;

    private final PrivacySettings settings;
    private transient Pseudonyms pseudonyms;

    public HandlePseudonyms(PrivacySettings settings) {
        if (!settings.hasKey()) {
            throw new IllegalArgumentException(PrivacySettings.HANDLE_KEY + " is empty");
        }
        this.settings = settings;
    }

    /** The pseudonym of a handle (normalised first: {@code @Alice} and {@code alice} are one account). */
    public String handle(String handle) {
        return pseudonyms().handle(handle);
    }

    /** The pseudonym of a platform's account id. */
    public String accountId(String id) {
        return pseudonyms().accountId(id);
    }

    public static boolean isPseudonym(String handle) {
        return Pseudonyms.isPseudonym(handle);
    }

    public boolean isPublic(String platform, String handle) {
        String h = PrivacySettings.normalise(handle);
        return settings.publicAccounts().contains(h)
                || (platform != null
                        && settings.publicAccounts()
                                .contains(platform.trim().toLowerCase(java.util.Locale.ROOT) + ":" + h));
    }

    /** The signal with its author pseudonymised, or unchanged when it has none or the account is public. */
    public Signal apply(Signal signal) {
        Author author = signal.author();
        if (author == null) {
            return signal;
        }
        if (author.handle() != null && isPublic(signal.platform(), author.handle())) {
            return signal;
        }
        if (isPseudonym(author.handle())
                && author.displayName() == null
                && (author.id() == null || isPseudonym(author.id()))) {
            return signal; // already pseudonymised (a replay of our own output)
        }
        Author pseudonymous = new Author(
                author.handle() == null ? null : handle(author.handle()),
                author.id() == null ? null : accountId(author.id()),
                null);
        return signal.withAuthorAndContent(pseudonymous, signal.text(), signal.labels(), signal.extensionsJson());
    }

    private Pseudonyms pseudonyms() {
        if (pseudonyms == null) {
            pseudonyms = new Pseudonyms(settings.handleKey());
        }
        return pseudonyms;
    }

    @Override
    public String toString() {
        return "HandlePseudonyms[" + settings + "]";
    }
}
