package org.varsel.desk.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** The {@code rejected_message} table: each topic position kept once, however often it is redelivered. */
final class RejectedMessages {
  private static final String INSERT = """
      INSERT INTO rejected_message (topic, kafka_partition, kafka_offset, reason, record_key, original)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT ON CONSTRAINT rejected_once DO NOTHING
      """;

  private RejectedMessages() {}

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
}
