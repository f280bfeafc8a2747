package org.varsel.desk.partner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tlp;
import org.varsel.desk.auth.ApiTokens;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.IssuedToken;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.db.Database;

/**
 * Adds partners, issues and revokes their tokens, and lists them. A token is known afterwards only by its id: the
 * first {@value #TOKEN_ID_LENGTH} hex digits of its SHA-256, which reveal nothing of the token.
 */
public final class PartnerRegistry {
    public static final int TOKEN_ID_LENGTH = 12;

    private final Database database;
    private final Credentials credentials;

    public PartnerRegistry(Database database) {
        this.database = database;
        this.credentials = new Credentials(database);
    }

    /** One partner and its tokens. */
    public record Partner(
            String id, String name, Optional<String> contact, Tlp allowedTlp, boolean active, List<Token> tokens) {}

    /** A token by its id, never by its value. */
    public record Token(String id, String label, Instant createdAt, Optional<Instant> revokedAt) {}

    /** Registers a partner and issues its first token (shown once). */
    public IssuedToken add(String id, String name, Optional<String> contact, Tlp allowedTlp) throws SQLException {
        return credentials.createPartner(id, name, contact, allowedTlp, "first");
    }

    /** Issues another token for the partner (e.g. to rotate: issue, switch, revoke the old one). */
    public IssuedToken issueToken(String partnerId, String label) throws SQLException {
        String token = ApiTokens.generate();
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO api_token (token_hash, partner_id, label) SELECT ?, id, ? FROM partner WHERE id = ?")) {
                insert.setString(1, ApiTokens.hash(token));
                insert.setString(2, label);
                insert.setString(3, partnerId);
                if (insert.executeUpdate() != 1) {
                    throw new IllegalArgumentException("no partner " + partnerId);
                }
                return null;
            }
        });
        return new IssuedToken(token, Principal.partner(partnerId));
    }

    /** Revokes the partner's live tokens whose id starts with the prefix (all of them if it is empty); returns how many. */
    public int revoke(String partnerId, String tokenIdPrefix) throws SQLException {
        if (!tokenIdPrefix.matches("[0-9a-f]*")) {
            throw new IllegalArgumentException("a token id is hex digits, as `partner list` shows");
        }
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE api_token SET revoked_at = now() "
                    + "WHERE partner_id = ? AND revoked_at IS NULL AND token_hash LIKE ?")) {
                update.setString(1, partnerId);
                update.setString(2, tokenIdPrefix + "%");
                return update.executeUpdate();
            }
        });
    }

    /** Every partner with its tokens, by id. */
    public List<Partner> list() throws SQLException {
        List<Partner> partners = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, name, contact, allowed_tlp, active FROM partner ORDER BY id");
                PreparedStatement tokens =
                        connection.prepareStatement("SELECT token_hash, label, created_at, revoked_at "
                                + "FROM api_token WHERE partner_id = ? ORDER BY created_at, token_hash");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                tokens.setString(1, id);
                List<Token> owned = new ArrayList<>();
                try (ResultSet tokenRows = tokens.executeQuery()) {
                    while (tokenRows.next()) {
                        owned.add(new Token(
                                tokenRows.getString(1).substring(0, TOKEN_ID_LENGTH),
                                tokenRows.getString(2),
                                tokenRows.getTimestamp(3).toInstant(),
                                Optional.ofNullable(tokenRows.getTimestamp(4)).map(java.sql.Timestamp::toInstant)));
                    }
                }
                partners.add(new Partner(
                        id,
                        rows.getString("name"),
                        Optional.ofNullable(rows.getString("contact")),
                        Tlp.fromLabel(rows.getString("allowed_tlp")).orElseThrow(),
                        rows.getBoolean("active"),
                        owned));
            }
        }
        return partners;
    }
}
