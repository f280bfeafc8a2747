package org.varsel.desk.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.varsel.contract.Tlp;
import org.varsel.desk.db.Database;

/** Partners, users and their API tokens: creates them, revokes tokens, and says who a bearer token belongs to. */
public final class Credentials {
    private static final String AUTHENTICATE = """
      SELECT t.username, u.role, u.partner_id AS user_partner, t.partner_id
      FROM api_token t
      LEFT JOIN app_user u ON u.username = t.username
      LEFT JOIN partner p ON p.id = coalesce(t.partner_id, u.partner_id)
      WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (p.id IS NULL OR p.active)
      """;

    private final Database database;

    public Credentials(Database database) {
        this.database = database;
    }

    /** Registers a partner organisation and issues its first token. */
    public IssuedToken createPartner(
            String id, String name, Optional<String> contact, Tlp allowedTlp, String tokenLabel) throws SQLException {
        Objects.requireNonNull(allowedTlp);
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO partner (id, name, contact, allowed_tlp) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, name);
                insert.setString(3, contact.orElse(null));
                insert.setString(4, allowedTlp.label());
                insert.executeUpdate();
            }
            String token = ApiTokens.generate();
            insertToken(connection, token, null, id, tokenLabel);
            return new IssuedToken(token, Principal.partner(id));
        });
    }

    /** Creates a user with a password (stored as PBKDF2) and issues a token for API use. */
    public IssuedToken createUser(
            String username, char[] password, Role role, Optional<String> partnerId, String tokenLabel)
            throws SQLException {
        Principal principal = Principal.user(username, role, partnerId);
        String passwordHash = PasswordHasher.hash(password);
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO app_user (username, password_hash, role, partner_id) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, username);
                insert.setString(2, passwordHash);
                insert.setString(3, role.label());
                insert.setString(4, partnerId.orElse(null));
                insert.executeUpdate();
            }
            String token = ApiTokens.generate();
            insertToken(connection, token, username, null, tokenLabel);
            return new IssuedToken(token, principal);
        });
    }

    /** Revokes the token; false if it is unknown or already revoked. */
    public boolean revoke(String token) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE api_token SET revoked_at = now() WHERE token_hash = ? AND revoked_at IS NULL")) {
                update.setString(1, ApiTokens.hash(token));
                return update.executeUpdate() == 1;
            }
        });
    }

    /**
     * Who the bearer token belongs to, if it is a live token of an active partner or a user. The lookup is by the
     * token's SHA-256, so timing reveals nothing about stored tokens.
     */
    public Optional<Principal> authenticate(String bearerToken) throws SQLException {
        if (!ApiTokens.looksLikeToken(bearerToken)) {
            return Optional.empty();
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(AUTHENTICATE)) {
            query.setString(1, ApiTokens.hash(bearerToken));
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String partnerId = rows.getString("partner_id");
                if (partnerId != null) {
                    return Optional.of(Principal.partner(partnerId));
                }
                Role role = Role.fromLabel(rows.getString("role"))
                        .orElseThrow(() -> new SQLException("unknown role in app_user"));
                return Optional.of(Principal.user(
                        rows.getString("username"), role, Optional.ofNullable(rows.getString("user_partner"))));
            }
        }
    }

    private static void insertToken(
            Connection connection, String token, String username, String partnerId, String label) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO api_token (token_hash, username, partner_id, label) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, ApiTokens.hash(token));
            insert.setString(2, username);
            insert.setString(3, partnerId);
            insert.setString(4, label);
            insert.executeUpdate();
        }
    }
}
