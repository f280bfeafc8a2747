package org.varsel.desk.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.desk.db.Database;

/**
 * The {@code notification} table (deploy/postgres/migrations/V16__notifications.sql): a user's inbox and unread count,
 * marking read, recording an assignment's notification, and the e-mail outbox (claim the due ones, record each attempt).
 */
public final class Notifications {
    public static final int INBOX_SIZE = 100;

    private final Database database;

    public Notifications(Database database) {
        this.database = database;
    }

    /**
     * Tells {@code assignee} that {@code actor} assigned them the incident, in the assignment's transaction; nothing when
     * they assigned themselves. E-mailed too when the assignee has an address.
     */
    public static void assigned(Connection connection, String assignee, String incidentId, String actor)
            throws SQLException {
        if (assignee.equals(actor)) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
        INSERT INTO notification (username, kind, incident_id, actor, mail)
        SELECT username, 'assigned', ?, ?, CASE WHEN email IS NULL THEN 'none' ELSE 'pending' END
        FROM app_user WHERE username = ?
        """)) {
            insert.setString(1, incidentId);
            insert.setString(2, actor);
            insert.setString(3, assignee);
            insert.executeUpdate();
        }
    }

    /** The user's latest notifications, newest first. */
    public List<Notification> inbox(String username) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("""
            SELECT n.id, n.kind, n.incident_id, coalesce(i.title, ''), i.tier, n.actor, n.created_at, n.read_at, n.mail,
                   n.mail_attempts, n.mail_error
            FROM notification n JOIN incident i ON i.id = n.incident_id
            WHERE n.username = ? ORDER BY n.id DESC LIMIT ?
            """)) {
            select.setString(1, username);
            select.setInt(2, INBOX_SIZE);
            List<Notification> inbox = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inbox.add(new Notification(
                            rows.getLong(1),
                            NotificationKind.fromLabel(rows.getString(2)).orElseThrow(),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            Optional.ofNullable(rows.getString(6)),
                            rows.getTimestamp(7).toInstant(),
                            Optional.ofNullable(rows.getTimestamp(8)).map(Timestamp::toInstant),
                            rows.getString(9),
                            rows.getInt(10),
                            Optional.ofNullable(rows.getString(11))));
                }
            }
            return inbox;
        }
    }

    /** Where the user's notifications are e-mailed, if anywhere. */
    public Optional<String> email(String username) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT email FROM app_user WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    public long unread(String username) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM notification WHERE username = ? AND read_at IS NULL")) {
            count.setString(1, username);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Marks one of the user's notifications read, or all of them when {@code id} is empty; how many were unread. */
    public int markRead(String username, Optional<Long> id) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE notification SET read_at = now()"
                        + " WHERE username = ? AND read_at IS NULL AND (?::bigint IS NULL OR id = ?::bigint)")) {
            update.setString(1, username);
            update.setObject(2, id.orElse(null));
            update.setObject(3, id.orElse(null));
            return update.executeUpdate();
        }
    }

    /** A notification whose e-mail is due: to whom, about what, and which attempt this is. */
    record DueMail(
            long id,
            String email,
            NotificationKind kind,
            String incidentId,
            String tier,
            String tlp,
            Optional<String> actor,
            Instant createdAt,
            int attempt) {}

    /**
     * Takes up to {@code limit} e-mails that are due and leases them for {@code lease}: another desk replica skips them
     * meanwhile (so no e-mail goes out twice), and if this one dies they come due again. The address is read now, so a
     * changed or removed address counts.
     */
    List<DueMail> claimDueMail(int limit, Duration lease) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
          WITH due AS (
            SELECT id FROM notification WHERE mail = 'pending' AND mail_next_attempt_at <= now()
            ORDER BY mail_next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
          UPDATE notification n SET mail_next_attempt_at = now() + make_interval(secs => ?)
          FROM due, app_user u, incident i
          WHERE n.id = due.id AND u.username = n.username AND i.id = n.incident_id
          RETURNING n.id, u.email, n.kind, n.incident_id, i.tier, i.tlp, n.actor, n.created_at, n.mail_attempts
          """)) {
                claim.setInt(1, limit);
                claim.setDouble(2, lease.toMillis() / 1000.0);
                List<DueMail> due = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        due.add(new DueMail(
                                rows.getLong(1),
                                Optional.ofNullable(rows.getString(2)).orElse(""),
                                NotificationKind.fromLabel(rows.getString(3)).orElseThrow(),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                Optional.ofNullable(rows.getString(7)),
                                rows.getTimestamp(8).toInstant(),
                                rows.getInt(9) + 1));
                    }
                }
                return due;
            }
        });
    }

    /** Records one attempt: sent when {@code error} is empty; else pending until {@code retryAt}, or failed without one. */
    void recordMail(DueMail due, Optional<String> error, Optional<Instant> retryAt) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE notification SET mail = ?, mail_attempts = ?,"
                                + " mail_error = ?, mail_next_attempt_at = coalesce(?, mail_next_attempt_at) WHERE id = ?")) {
            update.setString(1, error.isEmpty() ? "sent" : retryAt.isPresent() ? "pending" : "failed");
            update.setInt(2, due.attempt());
            update.setString(3, error.orElse(null));
            update.setTimestamp(4, retryAt.map(Timestamp::from).orElse(null));
            update.setLong(5, due.id());
            update.executeUpdate();
        }
    }
}
