package org.varsel.desk.incident;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.varsel.desk.db.Database;

/** The {@code rejected_message} table: each topic position kept once, however often it is redelivered. */
public final class RejectedMessages {
    private static final String INSERT = """
      INSERT INTO rejected_message (topic, kafka_partition, kafka_offset, reason, record_key, original)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT ON CONSTRAINT rejected_once DO NOTHING
      """;
    private static final String LATEST = """
      SELECT id, topic, kafka_partition, kafka_offset, reason, coalesce(length(original), 0), received_at
      FROM rejected_message ORDER BY id DESC LIMIT ?
      """;

    private final Database database;

    public RejectedMessages(Database database) {
        this.database = database;
    }

    /** A kept rejection, without the original bytes (they stay in the table). */
    public record Rejection(
            long id, String topic, int partition, long offset, String reason, int originalBytes, Instant receivedAt) {}

    /** The latest rejections, newest first. */
    public List<Rejection> latest(int limit) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(LATEST)) {
            query.setInt(1, limit);
            List<Rejection> rejections = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rejections.add(new Rejection(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getLong(4),
                            rows.getString(5),
                            rows.getInt(6),
                            rows.getTimestamp(7).toInstant()));
                }
            }
            return rejections;
        }
    }

    static void insert(Connection connection, List<RejectedMessage> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (RejectedMessage message : rejected) {
                statement.setString(1, message.topic());
                statement.setInt(2, message.partition());
                statement.setLong(3, message.offset());
                // PostgreSQL text cannot hold NUL; the reason may quote the adversary's input
                statement.setString(4, message.reason().replace('\0', '\uFFFD'));
                statement.setBytes(5, message.key());
                statement.setBytes(6, message.original());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Deletes the messages whose bytes name one of the terms, as written or in lower case (they are kept as bytes), in
     * the caller's transaction (an erasure); returns how many.
     */
    public static int deleteNaming(Connection connection, Set<String> terms) throws SQLException {
        int deleted = 0;
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM rejected_message WHERE position(? in original) > 0")) {
            for (String term : terms) {
                for (String variant : new LinkedHashSet<>(List.of(term, term.toLowerCase(Locale.ROOT)))) {
                    delete.setBytes(1, variant.getBytes(StandardCharsets.UTF_8));
                    deleted += delete.executeUpdate();
                }
            }
        }
        return deleted;
    }

    /** Deletes the messages received before the cutoff, in the caller's transaction; returns how many. */
    public static int deleteReceivedBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection, "DELETE FROM rejected_message WHERE received_at < ?", Timestamp.from(cutoff));
    }
}
