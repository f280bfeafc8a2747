package org.varsel.desk.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.desk.db.Database;

/** Administration of people's accounts (the {@code ./varsel user} command): passwords, tokens, the list. */
public final class UserAdmin {
    /** As the database's check on {@code app_user.email} (V16): one @, no spaces, brackets or separators. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");

    private final Database database;

    public UserAdmin(Database database) {
        this.database = database;
    }

    /** One account as an admin sees it; never its password hash or tokens. */
    public record Account(String username, Role role, Optional<String> partnerId, Instant createdAt, int liveTokens) {}

    /** Sets a new password and ends the user's browser sessions; false if there is no such user. */
    public boolean setPassword(String username, char[] password) throws SQLException {
        String hash = PasswordHasher.hash(password);
        return database.inTransaction(connection -> {
            try (PreparedStatement update =
                            connection.prepareStatement("UPDATE app_user SET password_hash = ? WHERE username = ?");
                    PreparedStatement sessions =
                            connection.prepareStatement("DELETE FROM app_session WHERE username = ?")) {
                update.setString(1, hash);
                update.setString(2, username);
                if (update.executeUpdate() != 1) {
                    return false;
                }
                sessions.setString(1, username);
                sessions.executeUpdate();
                return true;
            }
        });
    }

    /**
     * Sets where a staff user's notifications are e-mailed (empty: nowhere); false if there is no such staff user.
     * An address that is not one is refused with the reason.
     */
    public boolean setEmail(String username, Optional<String> email) throws SQLException {
        if (email.isPresent()
                && (email.get().length() > 254 || !EMAIL.matcher(email.get()).matches())) {
            throw new IllegalArgumentException("not an e-mail address: " + email.get());
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE app_user SET email = ? WHERE username = ? AND role <> 'partner'")) {
            update.setString(1, email.orElse(null));
            update.setString(2, username);
            return update.executeUpdate() == 1;
        }
    }

    /** Issues another API token for the user; the token is shown this once. */
    public Optional<IssuedToken> issueToken(String username, String label) throws SQLException {
        return database.inTransaction(connection -> {
            Optional<Account> account = find(connection, username);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            String token = ApiTokens.generate();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_token (token_hash, username, label) VALUES (?, ?, ?)")) {
                insert.setString(1, ApiTokens.hash(token));
                insert.setString(2, username);
                insert.setString(3, label);
                insert.executeUpdate();
            }
            Account found = account.get();
            return Optional.of(
                    new IssuedToken(token, Principal.user(found.username(), found.role(), found.partnerId())));
        });
    }

    public List<Account> list() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement(SELECT + " GROUP BY u.username ORDER BY u.username");
                ResultSet rows = select.executeQuery()) {
            List<Account> accounts = new ArrayList<>();
            while (rows.next()) {
                accounts.add(read(rows));
            }
            return accounts;
        }
    }

    private static final String SELECT = """
      SELECT u.username, u.role, u.partner_id, u.created_at,
             count(t.token_hash) FILTER (WHERE t.revoked_at IS NULL)
      FROM app_user u LEFT JOIN api_token t ON t.username = u.username""";

    private static Optional<Account> find(Connection connection, String username) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement(SELECT + " WHERE u.username = ? GROUP BY u.username")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static Account read(ResultSet rows) throws SQLException {
        return new Account(
                rows.getString(1),
                Role.fromLabel(rows.getString(2)).orElseThrow(() -> new SQLException("unknown role in app_user")),
                Optional.ofNullable(rows.getString(3)),
                rows.getTimestamp(4).toInstant(),
                rows.getInt(5));
    }
}
