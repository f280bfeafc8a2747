package org.varsel.desk.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.varsel.desk.db.Database;

/**
 * Browser sessions: a random cookie whose SHA-256 is stored with the user and a CSRF synchronizer token. A session
 * ends at logout or after {@link #LIFETIME}.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the username is unknown, so the answer takes as long either way. */
    private static final String DECOY_HASH = PasswordHasher.hash("decoy password".toCharArray());

    private final Database database;

    public Sessions(Database database) {
        this.database = database;
    }

    /** A signed-in user: who, what they may do, their CSRF token, preferences and unread notifications (the menu's count). */
    public record Session(
            String username, Role role, Optional<String> partnerId, String csrfToken, boolean greyscale, long unread) {
        public Principal principal() {
            return Principal.user(username, role, partnerId);
        }
    }

    /** A new session's cookie value (shown to the browser only) and the session. */
    public record Started(String cookie, Session session) {}

    /** Starts a session when the password is right; empty otherwise (unknown user and wrong password look the same). */
    public Optional<Started> login(String username, char[] password) throws SQLException {
        String hash = null;
        Role role = null;
        String partnerId = null;
        boolean greyscale = false;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT password_hash, role, partner_id, greyscale FROM app_user WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    hash = rows.getString(1);
                    role = Role.fromLabel(rows.getString(2)).orElse(null);
                    partnerId = rows.getString(3);
                    greyscale = rows.getBoolean(4);
                }
            }
        }
        boolean matches = PasswordHasher.verify(password, hash == null ? DECOY_HASH : hash);
        if (hash == null || role == null || !matches) {
            return Optional.empty();
        }
        String cookie = random();
        String csrf = random();
        // the login answers with a redirect: the next page reads the unread count
        Session session = new Session(username, role, Optional.ofNullable(partnerId), csrf, greyscale, 0);
        database.inTransaction(connection -> {
            deleteExpired(connection, Instant.now());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO app_session (id_hash, username, csrf_token, expires_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, ApiTokens.hash(cookie));
                insert.setString(2, username);
                insert.setString(3, csrf);
                insert.setObject(4, Instant.now().plus(LIFETIME).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return null;
        });
        return Optional.of(new Started(cookie, session));
    }

    /** The live session the cookie belongs to. */
    public Optional<Session> find(String cookie) throws SQLException {
        if (cookie == null || cookie.length() < 20 || cookie.length() > 100) {
            return Optional.empty();
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("""
            SELECT u.username, u.role, u.partner_id, s.csrf_token, u.greyscale,
                   (SELECT count(*) FROM notification n WHERE n.username = u.username AND n.read_at IS NULL)
            FROM app_session s JOIN app_user u ON u.username = s.username
            WHERE s.id_hash = ? AND s.expires_at > now()
            """)) {
            select.setString(1, ApiTokens.hash(cookie));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Optional<Role> role = Role.fromLabel(rows.getString(2));
                if (role.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(
                        rows.getString(1),
                        role.get(),
                        Optional.ofNullable(rows.getString(3)),
                        rows.getString(4),
                        rows.getBoolean(5),
                        rows.getLong(6)));
            }
        }
    }

    public void logout(String cookie) throws SQLException {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM app_session WHERE id_hash = ?")) {
                delete.setString(1, ApiTokens.hash(cookie));
                return delete.executeUpdate();
            }
        });
    }

    /** Sets the user's greyscale preference (reviewer wellness). */
    public void setGreyscale(String username, boolean greyscale) throws SQLException {
        database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE app_user SET greyscale = ? WHERE username = ?")) {
                update.setBoolean(1, greyscale);
                update.setString(2, username);
                return update.executeUpdate();
            }
        });
    }

    /** A fresh random token (256 bits, base64url): session cookies, CSRF tokens. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Deletes the sessions expired at {@code now}, in the caller's transaction; returns how many. */
    public static int deleteExpired(Connection connection, Instant now) throws SQLException {
        return Database.update(connection, "DELETE FROM app_session WHERE expires_at < ?", Timestamp.from(now));
    }
}
