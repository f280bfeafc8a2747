package org.varsel.desk.brief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import org.varsel.desk.db.Database;

/** {@link BriefAudit} into the {@code brief} table. */
public final class PostgresBriefAudit implements BriefAudit {
  private final Database database;

  public PostgresBriefAudit(Database database) {
    this.database = database;
  }

  @Override
  public void issued(IssuedBriefRecord brief) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO brief (id, incident_ids, sha256, format, track, audience, platform, tlp, categories, urls,
                               size_bytes, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
      insert.setString(1, brief.id());
      insert.setArray(2, connection.createArrayOf("text", brief.incidentIds().toArray()));
      insert.setString(3, brief.sha256());
      insert.setString(4, brief.format().label());
      insert.setString(5, brief.track().label());
      insert.setString(6, brief.audience());
      insert.setString(7, brief.platform().orElse(null));
      insert.setString(8, brief.tlp().label());
      insert.setArray(9, connection.createArrayOf("text", brief.categories().toArray()));
      insert.setArray(10, connection.createArrayOf("text", brief.urls().toArray()));
      insert.setInt(11, brief.sizeBytes());
      insert.setString(12, brief.createdBy());
      insert.setObject(13, brief.createdAt().atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }
}
