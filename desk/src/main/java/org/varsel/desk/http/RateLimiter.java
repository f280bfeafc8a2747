package org.varsel.desk.http;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.varsel.desk.db.Database;

/**
 * A token bucket per caller: {@code burst} requests at once, refilled at {@code perMinute}. The buckets live in
 * PostgreSQL ({@code rate_limit_bucket}) and are refilled by the database's clock, so a limit holds across every desk
 * replica behind a load balancer; one upsert per request, serialised per caller by its row. A test may give the
 * limiter a clock of its own instead, so that it counts requests, not the wall time they happen to take.
 */
public final class RateLimiter {
    private static final Duration IDLE = Duration.ofDays(1);

    private final Database database;
    private final String name;
    private final double perSecond;
    private final Optional<Clock> clock;
    private final String upsert;

    /** A limiter called {@code name} (rows in {@code rate_limit_bucket.limiter}), refilled by PostgreSQL's clock. */
    public RateLimiter(Database database, String name, int perMinute, int burst) {
        this(database, name, perMinute, burst, Optional.empty());
    }

    /** The same, refilled by {@code clock} if given (tests), else by the database's clock (every replica's one). */
    public RateLimiter(Database database, String name, int perMinute, int burst, Optional<Clock> clock) {
        this.database = database;
        this.name = name;
        this.clock = clock;
        this.perSecond = perMinute / 60.0;
        // numbers from the configuration, not from callers: safe to write into the statement
        String refilled = String.format(
                Locale.ROOT,
                "least(%d, b.tokens + greatest(0, extract(epoch FROM EXCLUDED.updated_at - b.updated_at)) * %s)",
                burst,
                Double.toString(perSecond));
        this.upsert = String.format(Locale.ROOT, """
        INSERT INTO rate_limit_bucket AS b (limiter, caller, tokens, granted, updated_at)
        VALUES (?, ?, %d - 1, true, coalesce(?, clock_timestamp()))
        ON CONFLICT (limiter, caller) DO UPDATE SET
          tokens = CASE WHEN %2$s >= 1 THEN %2$s - 1 ELSE %2$s END,
          granted = %2$s >= 1,
          updated_at = EXCLUDED.updated_at
        RETURNING tokens, granted
        """, burst, refilled);
    }

    /** Takes one request's token; empty if allowed, else how many whole seconds until the next token. */
    public OptionalLong acquire(String caller) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement take = connection.prepareStatement(upsert)) {
            take.setString(1, name);
            take.setString(2, caller);
            take.setTimestamp(
                    3, clock.map(given -> Timestamp.from(given.instant())).orElse(null));
            try (ResultSet rows = take.executeQuery()) {
                rows.next();
                if (rows.getBoolean(2)) {
                    return OptionalLong.empty();
                }
                return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - rows.getDouble(1)) / perSecond)));
            }
        }
    }

    /**
     * Deletes the buckets idle for a day at {@code now}, in the caller's transaction; returns how many. A day idle
     * refills any bucket the desk configures: the row is the same as a new one.
     */
    public static int deleteIdle(Connection connection, Instant now) throws SQLException {
        return Database.update(
                connection, "DELETE FROM rate_limit_bucket WHERE updated_at < ?", Timestamp.from(now.minus(IDLE)));
    }
}
