package org.varsel.desk.brief.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.CategoryNames;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.BriefFormat;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.db.Database;

/** Reads the briefs the desk produced, records the platforms' responses, and finds what a brief needs to know. */
public final class BriefStore {
    private final Database database;

    public BriefStore(Database database) {
        this.database = database;
    }

    /** The highest marking an active partner may receive, if the partner exists and is active. */
    public Optional<Tlp> partnerCeiling(String partnerId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT allowed_tlp FROM partner WHERE id = ? AND active")) {
            query.setString(1, partnerId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Tlp.fromLabel(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The ids of the active partners, the audiences a brief may go to besides platforms. */
    public List<String> activePartners() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM partner WHERE active ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    public Optional<IssuedBriefRecord> find(String briefId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT id, incident_ids, sha256, format, track, audience, platform, tlp, categories, urls, size_bytes,
                   created_by, created_at
            FROM brief WHERE id = ?
            """)) {
            query.setString(1, briefId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new IssuedBriefRecord(
                        rows.getString(1),
                        strings(rows.getArray(2)),
                        rows.getString(3),
                        BriefFormat.fromLabel(rows.getString(4))
                                .orElseThrow(() -> new SQLException("unknown brief format")),
                        Track.fromLabel(rows.getString(5)).orElseThrow(() -> new SQLException("unknown brief track")),
                        rows.getString(6),
                        Optional.ofNullable(rows.getString(7)),
                        Tlp.fromLabel(rows.getString(8)).orElseThrow(() -> new SQLException("unknown brief TLP")),
                        strings(rows.getArray(9)),
                        strings(rows.getArray(10)),
                        rows.getInt(11),
                        rows.getString(12),
                        rows.getObject(13, OffsetDateTime.class).toInstant()));
            }
        }
    }

    /** Records a platform's answer about one URL of a brief. */
    public PlatformResponse respond(
            String briefId, String url, ResponseAction action, Instant respondedAt, String recordedBy)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("""
            INSERT INTO brief_response (brief_id, url, action, responded_at, recorded_by)
            VALUES (?, ?, ?, ?, ?) RETURNING id, recorded_at
            """)) {
            insert.setString(1, briefId);
            insert.setString(2, url);
            insert.setString(3, action.label());
            insert.setObject(4, respondedAt.atOffset(ZoneOffset.UTC));
            insert.setString(5, recordedBy);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return new PlatformResponse(
                        rows.getLong(1),
                        briefId,
                        url,
                        action,
                        respondedAt,
                        recordedBy,
                        rows.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
    }

    /** Every response recorded for a brief, oldest first. */
    public List<PlatformResponse> responses(String briefId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT id, url, action, responded_at, recorded_by, recorded_at FROM brief_response
            WHERE brief_id = ? ORDER BY responded_at, id
            """)) {
            query.setString(1, briefId);
            List<PlatformResponse> responses = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    responses.add(new PlatformResponse(
                            rows.getLong(1),
                            briefId,
                            rows.getString(2),
                            ResponseAction.fromLabel(rows.getString(3))
                                    .orElseThrow(() -> new SQLException("unknown action")),
                            rows.getObject(4, OffsetDateTime.class).toInstant(),
                            rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant()));
                }
            }
            return responses;
        }
    }

    /**
     * One reported URL of one notice to a platform in [from, to): when it was sent, the latest answer, and when the
     * platform first decided (removed, restricted, labelled or no action). A notice is a brief an analyst marked sent;
     * a brief only produced or downloaded is none. A brief about several incidents names the categories of all of them,
     * so a URL takes the categories of the incidents whose evidence holds it (a disinformation URL sent together with an
     * incitement incident is disinformation), as harms ({@link CategoryNames#category}: never "neutral").
     */
    public record NoticedUrl(
            String briefId,
            String platform,
            List<String> incidentIds,
            Track track,
            List<String> categories,
            Instant sentAt,
            String url,
            Optional<ResponseAction> latest,
            Optional<Instant> decidedAt) {}

    public List<NoticedUrl> noticedUrls(Instant from, Instant to) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("""
            SELECT b.id, b.platform, b.incident_ids, b.track,
                   coalesce((SELECT array_agg(DISTINCT c) FROM incident i CROSS JOIN LATERAL unnest(i.categories) AS c
                             WHERE i.id = ANY(b.incident_ids) AND strpos(i.payload::text, u.url) > 0), b.categories),
                   sent.happened_at, u.url,
                   (SELECT r.action FROM brief_response r WHERE r.brief_id = b.id AND r.url = u.url
                    ORDER BY r.responded_at DESC, r.id DESC LIMIT 1),
                   (SELECT min(r.responded_at) FROM brief_response r WHERE r.brief_id = b.id AND r.url = u.url
                    AND r.action <> 'received')
            FROM brief b
            JOIN LATERAL (SELECT min(e.happened_at) AS happened_at FROM case_event e
                          WHERE e.brief_id = b.id AND e.status = 'sent') sent ON sent.happened_at IS NOT NULL
            CROSS JOIN LATERAL unnest(b.urls) AS u(url)
            WHERE b.platform IS NOT NULL AND sent.happened_at >= ? AND sent.happened_at < ?
            ORDER BY sent.happened_at, b.id
            """)) {
            query.setObject(1, from.atOffset(ZoneOffset.UTC));
            query.setObject(2, to.atOffset(ZoneOffset.UTC));
            List<NoticedUrl> noticed = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    noticed.add(new NoticedUrl(
                            rows.getString(1),
                            rows.getString(2),
                            strings(rows.getArray(3)),
                            Track.fromLabel(rows.getString(4))
                                    .orElseThrow(() -> new SQLException("unknown brief track")),
                            harms(strings(rows.getArray(5))),
                            rows.getObject(6, OffsetDateTime.class).toInstant(),
                            rows.getString(7),
                            Optional.ofNullable(rows.getString(8)).flatMap(ResponseAction::fromLabel),
                            Optional.ofNullable(rows.getObject(9, OffsetDateTime.class))
                                    .map(OffsetDateTime::toInstant)));
                }
            }
            return noticed;
        }
    }

    private static List<String> harms(List<String> labels) {
        return labels.stream()
                .map(CategoryNames::category)
                .flatMap(Optional::stream)
                .distinct()
                .sorted()
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
