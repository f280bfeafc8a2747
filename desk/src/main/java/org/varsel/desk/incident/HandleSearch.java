package org.varsel.desk.incident;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Pseudonyms;

/**
 * How the queue finds an account an analyst names by its handle: the pipeline stores the pseudonym of a non-public
 * account's handle ({@code anon-…}, docs/privacy.md), so the handle is pseudonymised the same way, under the same
 * key, and matched with the clear spellings a public account keeps. One way only: nothing here turns a pseudonym back.
 */
public final class HandleSearch {
    private final Optional<String> key;

    private HandleSearch(Optional<String> key) {
        this.key = key;
    }

    /** With the pipeline's handle key ({@code desk.privacy.handle-key}); empty: public accounts only. */
    public static HandleSearch withKey(String key) {
        return new HandleSearch(key == null || key.isBlank() ? Optional.empty() : Optional.of(key));
    }

    /** Whether pseudonymised accounts can be found (the desk has the pipeline's key). */
    public boolean pseudonymises() {
        return key.isPresent();
    }

    /** What the incidents may hold for this account: the handle as typed, its normal form, and its pseudonym. */
    public Set<String> identifiers(String handle) {
        Set<String> identifiers = new LinkedHashSet<>();
        String normal = Pseudonyms.normalise(handle);
        identifiers.add(handle.strip());
        identifiers.add(normal);
        identifiers.add("@" + normal);
        // a Mac per search: searches are rare next to the cost of the query, and the class stays thread-safe
        key.ifPresent(secret -> identifiers.add(new Pseudonyms(secret).handle(handle)));
        return identifiers;
    }
}
