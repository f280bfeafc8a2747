package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.db.Database;

/**
 * What became of acknowledged signals: received, dead-lettered by the pipeline (with its reason), part of incidents
 * (those whose evidence lists the signal; an incident keeps at most 50 evidence signals, so a signal of a large
 * incident may show as analysed only), or analysed and not flagged: the pipeline's consumer group has committed an
 * offset past the signal's record ({@code pipeline_progress}, kept by the desk's PipelineWatch), so the job has gone
 * through it and any incident it made was committed with that checkpoint. A campaign signal can still join an incident
 * later, when more accounts post the same.
 */
public final class SignalStatuses {
    public static final int MAX_LIMIT = 500;

    private static final String SELECT = """
      SELECT r.signal_id, r.source, r.external_id, r.tlp, r.observed_at, r.received_at, r.seq, d.reason, d.failed_at,
             r.kafka_offset < p.committed_offset AS analysed,
             ARRAY(SELECT i.id FROM incident i
                   WHERE i.sources @> ARRAY[r.source]
                     AND i.payload -> 'evidence' -> 'signals' @> jsonb_build_array(jsonb_build_object('signal_id', r.signal_id))
                   ORDER BY i.id) AS incidents
      FROM signal_receipt r
      LEFT JOIN LATERAL (SELECT reason, failed_at FROM signal_dead_letter dl WHERE dl.signal_id = r.signal_id
                         ORDER BY failed_at DESC LIMIT 1) d ON true
      LEFT JOIN pipeline_progress p ON p.kafka_partition = r.kafka_partition
      WHERE r.published_at IS NOT NULL
      """;

    private final Database database;

    public SignalStatuses(Database database) {
        this.database = database;
    }

    /** The signal, if it was acknowledged and (with a source) came from that source. */
    public Optional<ObjectNode> find(String signalId, Optional<String> source) throws SQLException {
        String sql = SELECT + " AND r.signal_id = ?" + (source.isPresent() ? " AND r.source = ?" : "");
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, signalId);
            if (source.isPresent()) {
                query.setString(2, source.get());
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /**
     * The signals received at or after {@code since}, after the cursor {@code after}, oldest first.
     *
     * @return {@code {"items": [...], "next_after": cursor or null}}
     */
    public ObjectNode list(Optional<String> source, Instant since, long after, int limit) throws SQLException {
        String sql = SELECT + (source.isPresent() ? " AND r.source = ?" : "")
                + " AND r.received_at >= ? AND r.seq > ? ORDER BY r.seq LIMIT ?";
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        long last = -1;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (source.isPresent()) {
                query.setString(index++, source.get());
            }
            query.setObject(index++, since.atOffset(ZoneOffset.UTC));
            query.setLong(index++, after);
            query.setInt(index, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(read(rows));
                    last = rows.getLong("seq");
                }
            }
        }
        if (items.size() == limit) {
            body.put("next_after", last);
        } else {
            body.putNull("next_after");
        }
        return body;
    }

    private static ObjectNode read(ResultSet rows) throws SQLException {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", rows.getString("signal_id"));
        node.put("source", rows.getString("source"));
        node.put("external_id", rows.getString("external_id"));
        node.put("tlp", rows.getString("tlp"));
        node.put("observed_at", rows.getTimestamp("observed_at").toInstant().toString());
        node.put("received_at", rows.getTimestamp("received_at").toInstant().toString());
        List<String> incidents = new ArrayList<>();
        Array array = rows.getArray("incidents");
        for (Object id : (Object[]) array.getArray()) {
            incidents.add((String) id);
        }
        String deadReason = rows.getString("reason");
        node.put(
                "status",
                deadReason != null
                        ? "dead-lettered"
                        : !incidents.isEmpty()
                                ? "in-incident"
                                : rows.getBoolean("analysed") ? "analysed-not-flagged" : "received");
        if (deadReason != null) {
            ObjectNode dead = node.putObject("dead_letter");
            dead.put("reason", deadReason);
            dead.put("failed_at", rows.getTimestamp("failed_at").toInstant().toString());
        }
        ArrayNode ids = node.putArray("incidents");
        incidents.forEach(ids::add);
        return node;
    }
}
