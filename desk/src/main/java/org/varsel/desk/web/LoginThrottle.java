package org.varsel.desk.web;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.RateLimiter;

/**
 * Sign-in attempts limited per username and per client address (token buckets), so that guessing a password is slow
 * whether one account is attacked from many addresses or many accounts from one. The buckets are in the database: the
 * limits hold across desk replicas.
 */
public final class LoginThrottle {
    /** Attempts one username may make at once, and then per minute. */
    public static final int PER_USER_BURST = 10;

    public static final int PER_USER_PER_MINUTE = 5;
    /** Attempts one address may make at once (an office behind one NAT), and then per minute. */
    public static final int PER_ADDRESS_BURST = 30;

    public static final int PER_ADDRESS_PER_MINUTE = 20;

    private final RateLimiter perUser;
    private final RateLimiter perAddress;

    /**
     * Refilled by {@code clock} if given (tests: attempts counted, not the time a password check takes), else by the
     * database's.
     */
    public LoginThrottle(Database database, Optional<Clock> clock) {
        this.perUser = new RateLimiter(database, "login-user", PER_USER_PER_MINUTE, PER_USER_BURST, clock);
        this.perAddress = new RateLimiter(database, "login-address", PER_ADDRESS_PER_MINUTE, PER_ADDRESS_BURST, clock);
    }

    /** Takes one attempt; empty if allowed, else the whole seconds to wait (for Retry-After). */
    OptionalLong attempt(String username, String address) throws SQLException {
        OptionalLong user = perUser.acquire(username.toLowerCase(Locale.ROOT));
        OptionalLong fromAddress = perAddress.acquire(address);
        if (user.isEmpty()) {
            return fromAddress;
        }
        return fromAddress.isEmpty() ? user : OptionalLong.of(Math.max(user.getAsLong(), fromAddress.getAsLong()));
    }
}
