package org.varsel.desk.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.varsel.contract.Json;
import org.varsel.desk.db.Database;

/**
 * The analyst queue's reads: filtered, searched and ordered pages, counts per status, and related incidents. Every
 * filter is backed by an index (see V3__triage.sql), so a first page stays fast with 100,000 incidents.
 */
public final class QueueStore {
    private static final String COLUMNS = IncidentStore.COLUMNS + ", status_reason";
    public static final int RELATED_LIMIT = 20;
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    private final Database database;
    private final HandleSearch handles;

    /** {@code handles}: how a handle an analyst searches for is matched (pseudonymised under the pipeline's key). */
    public QueueStore(Database database, HandleSearch handles) {
        this.database = database;
        this.handles = handles;
    }

    private static final String PARTNER_ORDER = "(SELECT max((s ->> 'observed_at')::timestamptz)"
            + " FROM jsonb_array_elements(incident.payload -> 'evidence' -> 'signals') s WHERE s ->> 'source' = ?)"
            + " DESC NULLS LAST, id";

    /** How the queue is sorted; ties are broken by id so pages do not overlap. */
    public enum Order {
        /**
         * Most urgent first: tier (threat to life first), then severity, then the latest activity; near-duplicates of a
         * dismissed incident ({@code suppressed_by}) after all others.
         */
        QUEUE("(payload ->> 'suppressed_by') IS NOT NULL, tier_rank, severity DESC, last_seen DESC, id"),
        /** Latest activity first. */
        NEWEST("last_seen DESC, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** An incident with the analysts' reason for its status. */
    public record Entry(QueuedIncident incident, Optional<String> statusReason) {}

    public IncidentPage list(QueueFilter filter, Order order, int limit, int offset, Visibility visibility)
            throws SQLException {
        Where where = where(filter, visibility).notMerged();
        try (Connection connection = database.dataSource().getConnection()) {
            List<QueuedIncident> items = new ArrayList<>();
            // Order and skip over narrow rows first, then fetch the page's payloads: the payloads of skipped or
            // unsorted rows are never read (docs/desk.md, Queue performance, has the measurements).
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident JOIN "
                    + "(SELECT id AS page_id FROM incident" + where.sql + " ORDER BY " + orderSql(order, visibility)
                    + " LIMIT ? OFFSET ?)"
                    + " page ON page.page_id = incident.id ORDER BY " + orderSql(order, visibility))) {
                int next = where.bind(connection, select);
                Optional<String> own = visibility.requiredSource();
                if (own.isPresent()) {
                    select.setString(next++, own.get());
                }
                select.setInt(next++, limit);
                select.setInt(next++, offset);
                if (own.isPresent()) {
                    select.setString(next, own.get());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        items.add(read(rows).incident());
                    }
                }
            }
            try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM incident" + where.sql)) {
                where.bind(connection, count);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return new IncidentPage(items, rows.getLong(1));
                }
            }
        }
    }

    /** How many incidents match the filter in each status (the filter's own status is ignored). */
    public Map<IncidentStatus, Long> countsByStatus(QueueFilter filter, Visibility visibility) throws SQLException {
        Where where = where(filter.anyStatus(), visibility).notMerged();
        Map<IncidentStatus, Long> counts = new EnumMap<>(IncidentStatus.class);
        for (IncidentStatus status : IncidentStatus.values()) {
            counts.put(status, 0L);
        }
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status, count(*) FROM incident" + where.sql + " GROUP BY status")) {
            where.bind(connection, select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Optional<IncidentStatus> status = IncidentStatus.fromLabel(rows.getString(1));
                    if (status.isPresent()) {
                        counts.put(status.get(), rows.getLong(2));
                    }
                }
            }
        }
        return counts;
    }

    public Optional<Entry> find(String id, Visibility visibility) throws SQLException {
        Where where = where(QueueFilter.none(), visibility);
        String sql = "SELECT " + COLUMNS + " FROM incident" + (where.sql.isEmpty() ? " WHERE " : where.sql + " AND ")
                + "id = ?";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int next = where.bind(connection, select);
            select.setString(next, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** The incidents the pipeline merged into this campaign (they keep their history, verdicts and comments), oldest first. */
    public List<Entry> mergedInto(String campaignId, Visibility visibility) throws SQLException {
        Where where = where(QueueFilter.none(), visibility);
        where.add("merged_into = ?", campaignId);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM incident" + where.sql + " ORDER BY first_seen, id")) {
            where.bind(connection, select);
            List<Entry> merged = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    merged.add(read(rows));
                }
            }
            return merged;
        }
    }

    /** Other incidents that share a url, a hashtag or an account with this one, most urgent first; none for partners. */
    public List<QueuedIncident> related(QueuedIncident incident, Visibility visibility) throws SQLException {
        if (visibility.requiredSource().isPresent()) {
            // what links incidents (urls, hashtags, accounts) is merged from every source: staff only
            return List.of();
        }
        Set<String> urls = strings(incident.payload().path("urls"));
        Set<String> hashtags = strings(incident.payload().path("hashtags"));
        Set<String> accounts = strings(incident.payload().path("evidence").path("accounts"));
        if (urls.isEmpty() && hashtags.isEmpty() && accounts.isEmpty()) {
            return List.of();
        }
        Where where = where(QueueFilter.none(), visibility);
        String sql = "SELECT " + COLUMNS + " FROM incident" + (where.sql.isEmpty() ? " WHERE " : where.sql + " AND ")
                + "id <> ? AND ((payload -> 'urls') ??| ? OR (payload -> 'hashtags') ??| ? "
                + "OR (payload -> 'evidence' -> 'accounts') ??| ?) ORDER BY " + Order.QUEUE.sql
                + " LIMIT " + RELATED_LIMIT;
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int next = where.bind(connection, select);
            select.setString(next++, incident.id());
            select.setArray(next++, connection.createArrayOf("text", urls.toArray()));
            select.setArray(next++, connection.createArrayOf("text", hashtags.toArray()));
            select.setArray(next, connection.createArrayOf("text", accounts.toArray()));
            List<QueuedIncident> related = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    related.add(read(rows).incident());
                }
            }
            return related;
        }
    }

    /**
     * A partner's queue is by its own newest signal (bound to the partner's source): the urgency order would rank by
     * tiers and severities its views leave out, and an incident's own times may come from other sources' signals.
     */
    private static String orderSql(Order order, Visibility visibility) {
        return visibility.requiredSource().isPresent() ? PARTNER_ORDER : order.sql;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(value.asText());
            }
        });
        return values;
    }

    private Where where(QueueFilter filter, Visibility visibility) {
        Where where = new Where();
        Optional<String> own = visibility.requiredSource();
        filter.status().ifPresent(s -> where.add("status = ?", s.label()));
        filter.kind().ifPresent(k -> where.add("kind = ?", k.label()));
        filter.tier().ifPresent(t -> {
            if (own.isEmpty()) {
                where.add("tier = ?", t.label());
            } else {
                // a partner's view of an incident with other sources' signals has no tier (PartnerView): nothing to
                // match
                where.add("tier = ? AND sources <@ ?", t.label(), new TextArray(own.get()));
            }
        });
        filter.category()
                .ifPresent(c -> where.seen(own, "categories @> ?", new TextArray(c), "s ->> 'category' = ?", c));
        filter.platform()
                .ifPresent(p -> where.seen(
                        own, "varsel_lower(platforms) @> ?", new TextArray(p), "lower(s ->> 'platform') = ?", p));
        filter.language()
                .ifPresent(l -> where.seen(
                        own, "varsel_lower(languages) @> ?", new TextArray(l), "lower(s ->> 'language') = ?", l));
        filter.partner()
                .map(Visibility::sourceOf)
                .ifPresent(p -> where.seen(own, "sources @> ?", new TextArray(p), "s ->> 'source' = ?", p));
        filter.rule().ifPresent(r -> {
            ObjectNode hit = Json.mapper().createObjectNode().put("rule_id", r);
            where.seen(
                    own,
                    "(payload -> 'rule_hits') @> ?::jsonb",
                    Json.mapper().createArrayNode().add(hit).toString(),
                    "(s -> 'rule_ids') @> to_jsonb(?::text)",
                    r);
        });
        filter.handle()
                .map(handles::identifiers)
                .ifPresent(ids -> where.seen(
                        own,
                        "(payload -> 'evidence' -> 'accounts') ??| ?",
                        new TextArrays(ids),
                        "s ->> 'author' = ANY (?)",
                        new TextArrays(ids)));
        filter.assignee().ifPresent(a -> where.add("assignee = ?", a));
        filter.from().ifPresent(t -> where.add("last_seen >= ?", t.atOffset(ZoneOffset.UTC)));
        filter.to().ifPresent(t -> where.add("first_seen < ?", t.atOffset(ZoneOffset.UTC)));
        filter.text().map(SearchQuery::parse).ifPresent(q -> {
            if (own.isEmpty()) {
                where.add("search @@ " + q.sql(), q.terms().toArray());
            } else {
                // a partner searches what its view shows: the whole incident only when it is all its own, else its own
                // text
                List<Object> parameters = new ArrayList<>(List.of(new TextArray(own.get()), own.get()));
                parameters.addAll(q.terms());
                where.add(
                        "(CASE WHEN sources <@ ? THEN search ELSE varsel_search_vector(coalesce(jsonb_path_query_array("
                                + "payload, '$.evidence.signals[*] ? (@.source == $s).text', jsonb_build_object('s', ?::text))::text, ''))"
                                + " END) @@ " + q.sql(),
                        parameters.toArray());
            }
        });
        own.ifPresent(source -> where.add("sources @> ?", new TextArray(source)));
        return where;
    }

    private static Entry read(ResultSet rows) throws SQLException {
        return new Entry(IncidentStore.read(rows), Optional.ofNullable(rows.getString(8)));
    }

    private record TextArray(String value) {}

    private record TextArrays(Set<String> values) {}

    /** Conditions and their parameters, bound in order. */
    private static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();
        private String sql = "";

        void add(String condition, Object... values) {
            conditions.add(condition);
            parameters.addAll(List.of(values));
            sql = " WHERE " + String.join(" AND ", conditions);
        }

        /** The queue leaves out incidents merged into a campaign: the campaign stands for them. */
        Where notMerged() {
            add("merged_into IS NULL");
            return this;
        }

        /**
         * A filter on a merged column for staff; for a partner ({@code own} is its source) the same filter over the
         * incident as a whole only when all of it is the partner's own, else over the partner's own evidence signals
         * ({@code evidencePredicate} on an evidence signal {@code s}), so that a filter never answers with what another
         * source contributed.
         */
        void seen(Optional<String> own, String merged, Object value, String evidencePredicate, Object evidenceValue) {
            if (own.isEmpty()) {
                add(merged, value);
                return;
            }
            add(
                    "((sources <@ ? AND " + merged
                            + ") OR EXISTS (SELECT 1 FROM jsonb_array_elements(payload -> 'evidence' -> "
                            + "'signals') s WHERE s ->> 'source' = ? AND " + evidencePredicate + "))",
                    new TextArray(own.get()),
                    value,
                    own.get(),
                    evidenceValue);
        }

        int bind(Connection connection, PreparedStatement statement) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof TextArray array) {
                    statement.setArray(index++, connection.createArrayOf("text", new Object[] {array.value()}));
                } else if (parameter instanceof TextArrays arrays) {
                    statement.setArray(
                            index++,
                            connection.createArrayOf("text", arrays.values().toArray()));
                } else {
                    statement.setObject(index++, parameter);
                }
            }
            return index;
        }
    }
}
