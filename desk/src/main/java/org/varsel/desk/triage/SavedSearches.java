package org.varsel.desk.triage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.varsel.desk.db.Database;

/** Queue filters an analyst saved under a name (table {@code saved_search}, V14); each person sees only their own. */
public final class SavedSearches {
    /** Saved searches per person: beside the filter form, more would be a list nobody reads. */
    public static final int MAX_PER_USER = 50;

    private final Database database;

    public SavedSearches(Database database) {
        this.database = database;
    }

    /** A saved filter: its name and the queue's query string ({@code status=new&platform=x}). */
    public record SavedSearch(String name, String query) {}

    public List<SavedSearch> of(String username) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT name, query FROM saved_search WHERE username = ? ORDER BY lower(name), name")) {
            select.setString(1, username);
            List<SavedSearch> searches = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    searches.add(new SavedSearch(rows.getString(1), rows.getString(2)));
                }
            }
            return searches;
        }
    }

    /** Saves (or replaces) the search; false when the person has {@link #MAX_PER_USER} others already. */
    public boolean save(String username, SavedSearch search) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO saved_search (username, name, query) SELECT ?, ?, ? "
                            + "WHERE (SELECT count(*) FROM saved_search WHERE username = ? AND name <> ?) < ? "
                            + "ON CONFLICT (username, name) DO UPDATE SET query = EXCLUDED.query, created_at = now()")) {
                upsert.setString(1, username);
                upsert.setString(2, search.name());
                upsert.setString(3, search.query());
                upsert.setString(4, username);
                upsert.setString(5, search.name());
                upsert.setInt(6, MAX_PER_USER);
                return upsert.executeUpdate() == 1;
            }
        });
    }

    /** True when there was such a search. */
    public boolean delete(String username, String name) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM saved_search WHERE username = ? AND name = ?")) {
                delete.setString(1, username);
                delete.setString(2, name);
                return delete.executeUpdate() == 1;
            }
        });
    }
}
