package org.varsel.desk.privacy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.desk.db.Database;

/**
 * The register of erasure requests ({@code erasure_request}, {@code erasure_store}): who asked to erase whom and when,
 * and per store where the person's data can be — the desk's tables, each Kafka topic, the pipeline's state — whether
 * it is erased, when that store's retention removes it, or that it keeps data without a bound.
 */
public final class ErasureRegister {
    /** Who re-applies open requests (the audit actor of what a re-check erased). */
    public static final String ACTOR = "system:erasure-recheck";

    public static final String DESK = "desk";
    public static final String PIPELINE_STATE = "pipeline-state";

    private final Database database;

    public ErasureRegister(Database database) {
        this.database = database;
    }

    /** One store of one request. */
    public record Store(String store, String status, Optional<Instant> dueAt, Optional<String> detail) {}

    /** One request with its stores; {@code subjects} is empty once the request is done. */
    public record Request(
            long id,
            Instant requestedAt,
            String requestedBy,
            String kind,
            Set<String> subjects,
            String status,
            List<Store> stores) {}

    /** An open request as the re-check needs it. */
    record Open(long id, String kind, Set<String> subjects, Instant requestedAt) {}

    /** Every request, newest first, with its stores. */
    public List<Request> requests() throws SQLException {
        List<Request> requests = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT r.id, r.requested_at, r.requested_by,"
                        + " r.subject_kind, r.subjects, r.status, s.store, s.status, s.due_at, s.detail FROM erasure_request r"
                        + " LEFT JOIN erasure_store s ON s.request_id = r.id ORDER BY r.id DESC, s.store");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                if (requests.isEmpty() || requests.get(requests.size() - 1).id() != id) {
                    requests.add(new Request(
                            id,
                            rows.getTimestamp(2).toInstant(),
                            rows.getString(3),
                            rows.getString(4),
                            strings(rows.getArray(5)),
                            rows.getString(6),
                            new ArrayList<>()));
                }
                if (rows.getString(7) != null) {
                    requests.get(requests.size() - 1)
                            .stores()
                            .add(new Store(
                                    rows.getString(7),
                                    rows.getString(8),
                                    Optional.ofNullable(rows.getTimestamp(9)).map(Timestamp::toInstant),
                                    Optional.ofNullable(rows.getString(10))));
                }
            }
        }
        return requests;
    }

    /** Registers a request whose desk part {@code changes} just did; the other stores are pending. */
    static long open(
            Connection connection, String actor, String kind, Set<String> subjects, Map<String, Integer> changes)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO erasure_request"
                + " (requested_by, subject_kind, subjects) VALUES (?, ?, ?) RETURNING id")) {
            insert.setString(1, actor);
            insert.setString(2, kind);
            insert.setArray(3, connection.createArrayOf("text", subjects.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
        }
        record(connection, id, DESK, "erased", Optional.empty(), changes.toString());
        record(connection, id, PIPELINE_STATE, "pending", Optional.empty(), null);
        return id;
    }

    /** The open requests, oldest first. */
    static List<Open> openRequests(Connection connection) throws SQLException {
        List<Open> open = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, subject_kind, subjects, requested_at"
                        + " FROM erasure_request WHERE status = 'open' ORDER BY id");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                open.add(new Open(
                        rows.getLong(1),
                        rows.getString(2),
                        strings(rows.getArray(3)),
                        rows.getTimestamp(4).toInstant()));
            }
        }
        return open;
    }

    /** Sets a store's status (inserting its row the first time). */
    static void record(
            Connection connection, long request, String store, String status, Optional<Instant> dueAt, String detail)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
        INSERT INTO erasure_store (request_id, store, status, due_at, detail) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (request_id, store) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
          detail = EXCLUDED.detail, updated_at = now()
        """)) {
            upsert.setLong(1, request);
            upsert.setString(2, store);
            upsert.setString(3, status);
            upsert.setTimestamp(4, dueAt.map(Timestamp::from).orElse(null));
            upsert.setString(5, detail);
            upsert.executeUpdate();
        }
    }

    /** Marks a store pending unless it has a status already. */
    static void pending(Connection connection, long request, String store) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO erasure_store (request_id, store, status)"
                        + " VALUES (?, ?, 'pending') ON CONFLICT (request_id, store) DO NOTHING")) {
            insert.setLong(1, request);
            insert.setString(2, store);
            insert.executeUpdate();
        }
    }

    /** Closes the request when every store is erased or past its retention, forgetting whom it was about. */
    static boolean closeIfDone(Connection connection, long request) throws SQLException {
        try (PreparedStatement close = connection.prepareStatement("""
        UPDATE erasure_request SET status = 'done', done_at = now(), subjects = '{}'
        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM erasure_store
                                     WHERE request_id = ? AND status NOT IN ('erased', 'expired'))
        """)) {
            close.setLong(1, request);
            close.setLong(2, request);
            return close.executeUpdate() == 1;
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
