package org.varsel.desk.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.varsel.desk.brief.store.ResponseAction;
import org.varsel.desk.db.Database;

/** The case tables: cases, their events, and the re-checks of their URLs (V10__cases.sql). */
public final class CaseStore {
    private static final String CASE_COLUMNS =
            "c.id, c.incident_id, c.platform, c.status, c.outcome, c.opened_by, " + "c.opened_at, c.updated_at";
    /**
     * The URLs a case reported: those of the briefs it sent, and of a brief about several incidents only those in the
     * evidence of the case's incident.
     */
    private static final String CASE_URLS = """
      SELECT DISTINCT e.case_id, u.url FROM case_event e JOIN notice_case c ON c.id = e.case_id
      JOIN brief b ON b.id = e.brief_id CROSS JOIN LATERAL unnest(b.urls) AS u(url)
      WHERE (cardinality(b.incident_ids) = 1 OR u.url IN (
          SELECT s ->> 'url' FROM incident i CROSS JOIN LATERAL jsonb_array_elements(i.payload -> 'evidence' -> 'signals') s
          WHERE i.id = c.incident_id))
      """;

    private final Database database;

    public CaseStore(Database database) {
        this.database = database;
    }

    /** The case of this incident and platform, opened if there is none (reopened if closed), locked for the caller. */
    NoticeCase openForUpdate(Connection connection, String incidentId, String platform, String by, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
        INSERT INTO notice_case AS c (id, incident_id, platform, status, opened_by, opened_at, updated_at)
        VALUES (?, ?, ?, 'sent', ?, ?, ?)
        ON CONFLICT (incident_id, platform) DO UPDATE
          SET status = CASE WHEN c.status = 'closed' THEN 'sent' ELSE c.status END,
              outcome = CASE WHEN c.status = 'closed' THEN NULL ELSE c.outcome END,
              updated_at = excluded.updated_at
        RETURNING\s""" + CASE_COLUMNS)) {
            upsert.setString(1, "case-" + UUID.randomUUID());
            upsert.setString(2, incidentId);
            upsert.setString(3, platform);
            upsert.setString(4, by);
            upsert.setObject(5, at.atOffset(ZoneOffset.UTC));
            upsert.setObject(6, at.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = upsert.executeQuery()) {
                rows.next();
                return noticeCase(rows);
            }
        }
    }

    Optional<NoticeCase> findForUpdate(Connection connection, String caseId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + CASE_COLUMNS + " FROM notice_case c WHERE c.id = ? FOR UPDATE")) {
            query.setString(1, caseId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(noticeCase(rows)) : Optional.empty();
            }
        }
    }

    void update(Connection connection, String caseId, CaseStatus status, Optional<ResponseAction> outcome, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE notice_case SET status = ?, outcome = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.label());
            update.setString(2, outcome.map(ResponseAction::label).orElse(null));
            update.setObject(3, at.atOffset(ZoneOffset.UTC));
            update.setString(4, caseId);
            update.executeUpdate();
        }
    }

    /** Whether the brief was already marked sent (it can be sent once). */
    boolean wasSent(Connection connection, String briefId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM case_event WHERE brief_id = ?")) {
            query.setString(1, briefId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    void addEvent(Connection connection, String caseId, CaseStep step, String by) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO case_event (case_id, status, outcome, brief_id, note, happened_at, recorded_by)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)) {
            insert.setString(1, caseId);
            insert.setString(2, step.status().label());
            insert.setString(3, step.outcome().map(ResponseAction::label).orElse(null));
            insert.setString(4, step.briefId().orElse(null));
            insert.setString(5, step.note().orElse(null));
            insert.setObject(6, step.happenedAt().atOffset(ZoneOffset.UTC));
            insert.setString(7, by);
            insert.executeUpdate();
        }
    }

    /**
     * The platform's answer as a response to every URL of every brief the case sent, so the transparency report reads
     * case outcomes the same way as answers recorded per URL.
     */
    void respondToEverySentUrl(
            Connection connection, String caseId, ResponseAction action, Instant respondedAt, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO brief_response (brief_id, url, action, responded_at, recorded_by)
        SELECT b.id, u.url, ?, ?, ? FROM case_event e JOIN notice_case c ON c.id = e.case_id
        JOIN brief b ON b.id = e.brief_id CROSS JOIN LATERAL unnest(b.urls) AS u(url)
        WHERE e.case_id = ? AND (cardinality(b.incident_ids) = 1 OR u.url IN (
            SELECT s ->> 'url' FROM incident i CROSS JOIN LATERAL jsonb_array_elements(i.payload -> 'evidence' -> 'signals') s
            WHERE i.id = c.incident_id))
        """)) {
            insert.setString(1, action.label());
            insert.setObject(2, respondedAt.atOffset(ZoneOffset.UTC));
            insert.setString(3, by);
            insert.setString(4, caseId);
            insert.executeUpdate();
        }
    }

    public Optional<NoticeCase> find(String caseId) throws SQLException {
        List<NoticeCase> found = cases("WHERE c.id = ?", caseId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<NoticeCase> forIncident(String incidentId) throws SQLException {
        return cases("WHERE c.incident_id = ?", incidentId);
    }

    /** Every case, the most recently changed first. */
    public List<NoticeCase> all(int limit) throws SQLException {
        return cases("LIMIT " + limit);
    }

    /** The cases of incidents the partner's signals fed. */
    public List<NoticeCase> fedBy(String partnerId, int limit) throws SQLException {
        return cases(
                "JOIN incident i ON i.id = c.incident_id WHERE i.sources @> ARRAY[?]::text[] LIMIT " + limit,
                "partner:" + partnerId);
    }

    private List<NoticeCase> cases(String where, String... parameters) throws SQLException {
        String order = where.contains("LIMIT")
                ? where.replace("LIMIT", "ORDER BY c.updated_at DESC, c.id LIMIT")
                : where + " ORDER BY c.updated_at DESC, c.id";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT " + CASE_COLUMNS + " FROM notice_case c " + order)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            List<NoticeCase> cases = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.add(noticeCase(rows));
                }
            }
            return cases;
        }
    }

    /** A case's history in the order the desk recorded it (an answer dated by day alone may predate the sending hour). */
    /** The cases opened with one platform in a period: where they stand now and what the platform did. */
    public record PlatformCases(
            String platform,
            int opened,
            int sent,
            int acknowledged,
            int actioned,
            int appealed,
            int closed,
            int removed,
            int restricted,
            int labelled,
            int noAction) {}

    /** Per platform, the cases opened in [from, to), by their status and outcome now. */
    public List<PlatformCases> openedIn(Instant from, Instant to) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT platform, count(*),
                   count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE status = 'acknowledged'),
                   count(*) FILTER (WHERE status = 'actioned'), count(*) FILTER (WHERE status = 'appealed'),
                   count(*) FILTER (WHERE status = 'closed'),
                   count(*) FILTER (WHERE outcome = 'removed'), count(*) FILTER (WHERE outcome = 'restricted'),
                   count(*) FILTER (WHERE outcome = 'labelled'), count(*) FILTER (WHERE outcome = 'no-action')
            FROM notice_case WHERE opened_at >= ? AND opened_at < ? GROUP BY platform ORDER BY platform
            """)) {
            query.setObject(1, from.atOffset(ZoneOffset.UTC));
            query.setObject(2, to.atOffset(ZoneOffset.UTC));
            List<PlatformCases> cases = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cases.add(new PlatformCases(
                            rows.getString(1),
                            rows.getInt(2),
                            rows.getInt(3),
                            rows.getInt(4),
                            rows.getInt(5),
                            rows.getInt(6),
                            rows.getInt(7),
                            rows.getInt(8),
                            rows.getInt(9),
                            rows.getInt(10),
                            rows.getInt(11)));
                }
            }
            return cases;
        }
    }

    public List<CaseEvent> events(String caseId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT id, status, outcome, brief_id, note, happened_at, recorded_by, recorded_at FROM case_event
            WHERE case_id = ? ORDER BY id
            """)) {
            query.setString(1, caseId);
            List<CaseEvent> events = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CaseStep step = new CaseStep(
                            status(rows.getString(2)),
                            Optional.ofNullable(rows.getString(3)).flatMap(ResponseAction::fromLabel),
                            Optional.ofNullable(rows.getString(4)),
                            Optional.ofNullable(rows.getString(5)),
                            instant(rows, 6));
                    events.add(new CaseEvent(rows.getLong(1), caseId, step, rows.getString(7), instant(rows, 8)));
                }
            }
            return events;
        }
    }

    /** The URL a case reported, with the case, for every case not closed. */
    public record ReportedUrl(String caseId, String url) {}

    public List<ReportedUrl> openUrls() throws SQLException {
        return reportedUrls(CASE_URLS + " AND c.status <> 'closed'", Optional.empty());
    }

    public List<ReportedUrl> urls(String caseId) throws SQLException {
        return reportedUrls(CASE_URLS + " AND c.id = ?", Optional.of(caseId));
    }

    private List<ReportedUrl> reportedUrls(String sql, Optional<String> caseId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql + " ORDER BY 1, 2")) {
            if (caseId.isPresent()) {
                query.setString(1, caseId.get());
            }
            List<ReportedUrl> urls = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    urls.add(new ReportedUrl(rows.getString(1), rows.getString(2)));
                }
            }
            return urls;
        }
    }

    public void recordCheck(String caseId, String url, OptionalInt httpStatus, Optional<String> error)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO url_check (case_id, url, http_status, error) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, caseId);
            insert.setString(2, url);
            if (httpStatus.isPresent()) {
                insert.setInt(3, httpStatus.getAsInt());
            } else {
                insert.setNull(3, java.sql.Types.INTEGER);
            }
            insert.setString(
                    4,
                    error.map(e -> e.length() > 500 ? e.substring(0, 500) : e).orElse(null));
            insert.executeUpdate();
        }
    }

    /** The latest check of each URL of a case. */
    public List<UrlCheck> latestChecks(String caseId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT DISTINCT ON (url) url, http_status, error, checked_at FROM url_check WHERE case_id = ?
            ORDER BY url, checked_at DESC, id DESC
            """)) {
            query.setString(1, caseId);
            List<UrlCheck> checks = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(2);
                    checks.add(new UrlCheck(
                            caseId,
                            rows.getString(1),
                            rows.wasNull() ? OptionalInt.empty() : OptionalInt.of(status),
                            Optional.ofNullable(rows.getString(3)),
                            instant(rows, 4)));
                }
            }
            return checks;
        }
    }

    private static NoticeCase noticeCase(ResultSet rows) throws SQLException {
        return new NoticeCase(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                status(rows.getString(4)),
                Optional.ofNullable(rows.getString(5)).flatMap(ResponseAction::fromLabel),
                rows.getString(6),
                instant(rows, 7),
                instant(rows, 8));
    }

    private static CaseStatus status(String label) throws SQLException {
        return CaseStatus.fromLabel(label).orElseThrow(() -> new SQLException("unknown case status " + label));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
