package org.varsel.desk.brief.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;

/**
 * {@link BriefAudit} into the {@code brief} table and, in the same transaction, the audit log: one
 * {@value #EXPORTED} event per incident the brief covers (who, format, track, audience, TLP), so the log a lead reads
 * answers who took what out of the desk.
 */
public final class PostgresBriefAudit implements BriefAudit {
    public static final String EXPORTED = "brief.exported";

    private final Database database;
    private final AuditLog audit;

    public PostgresBriefAudit(Database database) {
        this.database = database;
        this.audit = new AuditLog(database);
    }

    @Override
    public void issued(IssuedBriefRecord brief) throws SQLException {
        database.inTransaction(connection -> {
            insert(connection, brief);
            for (String incidentId : brief.incidentIds()) {
                audit.record(
                        connection,
                        brief.createdBy(),
                        EXPORTED,
                        Optional.of(incidentId),
                        Optional.empty(),
                        Optional.of(Json.mapper()
                                .createObjectNode()
                                .put("brief_id", brief.id())
                                .put("format", brief.format().label())
                                .put("track", brief.track().label())
                                .put("audience", brief.audience())
                                .put("tlp", brief.tlp().label())
                                .put("sha256", brief.sha256())));
            }
            return null;
        });
    }

    private static void insert(Connection connection, IssuedBriefRecord brief) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO brief (id, incident_ids, sha256, format, track, audience, platform, tlp, categories, urls,
                               size_bytes, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)) {
            insert.setString(1, brief.id());
            insert.setArray(
                    2, connection.createArrayOf("text", brief.incidentIds().toArray()));
            insert.setString(3, brief.sha256());
            insert.setString(4, brief.format().label());
            insert.setString(5, brief.track().label());
            insert.setString(6, brief.audience());
            insert.setString(7, brief.platform().orElse(null));
            insert.setString(8, brief.tlp().label());
            insert.setArray(
                    9, connection.createArrayOf("text", brief.categories().toArray()));
            insert.setArray(10, connection.createArrayOf("text", brief.urls().toArray()));
            insert.setInt(11, brief.sizeBytes());
            insert.setString(12, brief.createdBy());
            insert.setObject(13, brief.createdAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
