package org.varsel.desk.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller a request acts as: a user, a partner organisation (by its token), or the anonymous demo reader.
 *
 * @param name the username, the partner id, or {@code anonymous}
 * @param partnerId set for partners and partner users
 */
public record Principal(Kind kind, String name, Role role, Optional<String> partnerId) {

    public Principal {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        Objects.requireNonNull(role);
        Objects.requireNonNull(partnerId);
        if ((role == Role.PARTNER) != partnerId.isPresent()) {
            throw new IllegalArgumentException("a partner principal, and only one, has a partner id");
        }
    }

    /** Whose credentials these are. */
    public enum Kind {
        USER,
        PARTNER,
        /** Nobody: only when {@code desk.demo.anonymous-read} is on, and only for reading. */
        ANONYMOUS
    }

    public static Principal user(String username, Role role, Optional<String> partnerId) {
        return new Principal(Kind.USER, username, role, partnerId);
    }

    public static Principal partner(String partnerId) {
        return new Principal(Kind.PARTNER, partnerId, Role.PARTNER, Optional.of(partnerId));
    }

    /** The demo reader: reads like an analyst, may do nothing else. */
    public static Principal anonymousReader() {
        return new Principal(Kind.ANONYMOUS, "anonymous", Role.ANALYST, Optional.empty());
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }
}
