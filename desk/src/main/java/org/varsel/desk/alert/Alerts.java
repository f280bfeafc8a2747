package org.varsel.desk.alert;

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
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.db.Database;

/**
 * The threat-to-life alerts the database raised (deploy/postgres/migrations/V9__alerts.sql): the unacknowledged
 * ones for the banner, acknowledging one, and the webhook's outbox (claim the due ones, record each attempt).
 */
public final class Alerts {
    private static final String ALERT_COLUMNS = """
      a.incident_id, i.title, i.severity, a.raised_at, a.delivery, a.attempts, a.acknowledged_at, a.acknowledged_by
      """;

    private final Database database;
    private final AuditLog audit;

    public Alerts(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
    }

    /** Alerts no analyst has acknowledged yet, oldest first: the desk's banner. */
    public List<Alert> unacknowledged() throws SQLException {
        return query(
                "SELECT " + ALERT_COLUMNS + " FROM alert a JOIN incident i ON i.id = a.incident_id"
                        + " WHERE a.acknowledged_at IS NULL ORDER BY a.raised_at, a.incident_id",
                Optional.empty());
    }

    /** The alert of one incident, with every delivery attempt. */
    public Optional<Alert> find(String incidentId) throws SQLException {
        return query(
                        "SELECT " + ALERT_COLUMNS + " FROM alert a JOIN incident i ON i.id = a.incident_id"
                                + " WHERE a.incident_id = ?",
                        Optional.of(incidentId))
                .stream()
                .findFirst();
    }

    /** Marks the alert seen by {@code username} (audited); false when there is none or it was acknowledged before. */
    public boolean acknowledge(String incidentId, String username) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE alert SET acknowledged_at = now(),"
                    + " acknowledged_by = ? WHERE incident_id = ? AND acknowledged_at IS NULL")) {
                update.setString(1, username);
                update.setString(2, incidentId);
                if (update.executeUpdate() == 0) {
                    return false;
                }
            }
            audit.record(
                    connection,
                    username,
                    "alert-acknowledged",
                    Optional.of(incidentId),
                    Optional.empty(),
                    Optional.empty());
            return true;
        });
    }

    /**
     * Takes up to {@code limit} pending alerts that are due and leases them for {@code lease} (another desk replica
     * skips them meanwhile; if this one dies, they come due again).
     */
    List<Due> claimDue(int limit, Duration lease) throws SQLException {
        return database.inTransaction(connection -> {
            try (PreparedStatement claim = connection.prepareStatement("""
          UPDATE alert SET next_attempt_at = now() + make_interval(secs => ?)
          WHERE incident_id IN (SELECT incident_id FROM alert WHERE delivery = 'pending' AND next_attempt_at <= now()
                                ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
          RETURNING incident_id, attempts, raised_at
          """)) {
                claim.setDouble(1, lease.toMillis() / 1000.0);
                claim.setInt(2, limit);
                List<Due> due = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Due(
                                rows.getString(1),
                                rows.getInt(2) + 1,
                                rows.getTimestamp(3).toInstant()));
                    }
                }
                return due;
            }
        });
    }

    /** Records one attempt; {@code retryAt} empty after a failure means no attempts are left. */
    void recordAttempt(Due due, Delivery outcome, Optional<Instant> retryAt) throws SQLException {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_delivery"
                    + " (incident_id, attempt, status_code, error, delivered) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, due.incidentId());
                insert.setInt(2, due.attempt());
                insert.setObject(3, outcome.statusCode().orElse(null));
                insert.setString(4, outcome.error().orElse(null));
                insert.setBoolean(5, outcome.delivered());
                insert.executeUpdate();
            }
            String state = outcome.delivered() ? "delivered" : retryAt.isPresent() ? "pending" : "failed";
            try (PreparedStatement update = connection.prepareStatement("UPDATE alert SET attempts = ?, delivery = ?,"
                    + " next_attempt_at = coalesce(?, next_attempt_at) WHERE incident_id = ?")) {
                update.setInt(1, due.attempt());
                update.setString(2, state);
                update.setTimestamp(3, retryAt.map(Timestamp::from).orElse(null));
                update.setString(4, due.incidentId());
                update.executeUpdate();
            }
            return null;
        });
    }

    private List<Alert> query(String sql, Optional<String> incidentId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            if (incidentId.isPresent()) {
                select.setString(1, incidentId.get());
            }
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    alerts.add(new Alert(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getInt(3),
                            rows.getTimestamp(4).toInstant(),
                            rows.getString(5),
                            rows.getInt(6),
                            Optional.ofNullable(rows.getTimestamp(7)).map(Timestamp::toInstant),
                            Optional.ofNullable(rows.getString(8)),
                            List.of()));
                }
            }
            List<Alert> withDeliveries = new ArrayList<>();
            for (Alert alert : alerts) {
                withDeliveries.add(alert.withDeliveries(deliveries(connection, alert.incidentId())));
            }
            return withDeliveries;
        }
    }

    private static List<Delivery> deliveries(Connection connection, String incidentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT attempt, attempted_at, status_code, error,"
                + " delivered FROM alert_delivery WHERE incident_id = ? ORDER BY attempt, id")) {
            select.setString(1, incidentId);
            List<Delivery> deliveries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(3);
                    deliveries.add(new Delivery(
                            rows.getInt(1),
                            rows.getTimestamp(2).toInstant(),
                            rows.wasNull() ? Optional.empty() : Optional.of(status),
                            Optional.ofNullable(rows.getString(4)),
                            rows.getBoolean(5)));
                }
            }
            return deliveries;
        }
    }

    /** A pending alert taken for its next delivery attempt. */
    record Due(String incidentId, int attempt, Instant raisedAt) {}
}
