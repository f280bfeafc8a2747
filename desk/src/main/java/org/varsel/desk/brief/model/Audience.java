package org.varsel.desk.brief.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.Tlp;

/**
 * Who a brief goes to, and the most restrictive TLP marking they may receive: a platform's trust and safety team
 * ({@code platform:<name>}, ceiling from the brief settings) or a partner ({@code partner:<id>}, its {@code allowed_tlp}).
 */
public record Audience(Kind kind, String name, Tlp ceiling) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    public Audience {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(ceiling);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an audience name is 1-63 of a-z, 0-9, '.', '_', '-', was " + name);
        }
    }

    /** The two kinds of recipient. */
    public enum Kind {
        PLATFORM("platform"),
        PARTNER("partner");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public static Audience platform(String name, Tlp ceiling) {
        return new Audience(Kind.PLATFORM, name, ceiling);
    }

    public static Audience partner(String id, Tlp ceiling) {
        return new Audience(Kind.PARTNER, id, ceiling);
    }

    /** {@code platform:x} or {@code partner:ngo-a}. */
    public String label() {
        return kind.prefix() + ":" + name;
    }

    /** The platform this brief is a notice to, if it goes to a platform. */
    public Optional<String> platform() {
        return kind == Kind.PLATFORM ? Optional.of(name) : Optional.empty();
    }

    /** Whether this audience is the partner that signals from {@code source} came from. */
    public boolean isSourceOf(String source) {
        return kind == Kind.PARTNER && ("partner:" + name).equals(source);
    }

    /** Splits {@code kind:name}; the ceiling is looked up by the caller. */
    public static Optional<Reference> parse(String label) {
        if (label == null) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            String prefix = kind.prefix() + ":";
            if (label.startsWith(prefix)
                    && NAME.matcher(label.substring(prefix.length())).matches()) {
                return Optional.of(new Reference(kind, label.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** An audience named in a request, before its ceiling is known. */
    public record Reference(Kind kind, String name) {}
}
