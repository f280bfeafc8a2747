package org.varsel.desk.childsafety;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.incident.IncidentStore;

/**
 * {@code GET /api/v1/hotline/export}: the hotline reports (URL and metadata of CSAM-labelled signals) as CSV for the
 * national hotline, for the roles {@code desk.hotline.export-roles} names (lead, admin by default); and
 * {@code GET /api/v1/child-safety/stats}: child-safety incidents by ISO week, harm category and platform (JSON, or
 * CSV with {@code format=csv}), for analysts, leads and admins, also as the page {@code /child-safety} for signed-in
 * staff. docs/child-safety.md.
 */
public final class ChildSafetyRoutes implements RouteGroup {
    public static final String EXPORT_PATH = "/api/v1/hotline/export";
    public static final String STATS_PATH = "/api/v1/child-safety/stats";
    static final List<String> EXPORT_COLUMNS = List.of(
            "signal_id",
            "url",
            "platform",
            "kind",
            "observed_at",
            "received_at",
            "source",
            "external_id",
            "author_handle",
            "author_id",
            "language",
            "tlp",
            "confidence");

    private static final String EXPORT = """
      SELECT signal_id, url, platform, kind, observed_at, received_at, source, external_id, author_handle, author_id,
             language, tlp, confidence
      FROM hotline_report WHERE received_at >= ? AND (? OR exported_at IS NULL) ORDER BY received_at, signal_id
      """;
    private static final String MARK_EXPORTED =
            "UPDATE hotline_report SET exported_at = now() WHERE signal_id = ANY(?) AND exported_at IS NULL";

    public static final String PAGE_PATH = "/child-safety";

    private final Database database;
    private final IncidentStore incidents;
    private final ChildSafetyConfig config;
    private final SignedInPage pages;

    public ChildSafetyRoutes(Database database, ChildSafetyConfig config) {
        this.database = database;
        this.incidents = new IncidentStore(database);
        this.config = config;
        this.pages = new SignedInPage(new Sessions(database));
    }

    @Override
    public void addTo(Javalin app) {
        app.get(EXPORT_PATH, this::export);
        app.get(STATS_PATH, this::stats);
        app.get(PAGE_PATH, this::page);
    }

    /** The statistics as a page for signed-in staff: weeks down, platforms across, one table per harm category. */
    private void page(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return;
        }
        Sessions.Session s = session.get();
        Map<String, Object> model = pages.model(ctx, s);
        if (pages.refusedToPartner(ctx, s, model, "Child-safety statistics")) {
            return;
        }
        int weeks = weeks(ctx);
        // category → week → platform → count
        Map<String, Map<String, Map<String, Long>>> tables = new TreeMap<>();
        for (IncidentStore.WeeklyCount row : query(weeks)) {
            tables.computeIfAbsent(row.category(), c -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(row.week(), w -> new HashMap<>())
                    .put(row.platform(), row.incidents());
        }
        List<Map<String, Object>> categories = new ArrayList<>();
        tables.forEach((category, byWeek) -> {
            List<Map<String, Object>> weekRows = new ArrayList<>();
            byWeek.forEach((week, byPlatform) -> {
                List<Long> counts = new ArrayList<>();
                config.platforms().forEach(p -> counts.add(byPlatform.getOrDefault(p, 0L)));
                weekRows.add(Map.of("week", week, "counts", counts));
            });
            categories.add(Map.of("category", category, "weeks", weekRows));
        });
        model.put("weeks", weeks);
        model.put("platforms", config.platforms());
        model.put("categories", categories);
        model.put("csv", STATS_PATH + "?format=csv&weeks=" + weeks);
        model.put("canExport", config.exportRoles().contains(s.role()));
        pages.render(ctx, "child-safety", model);
    }

    /** {@code since} (RFC 3339, default: everything), {@code all=true} to include reports exported before. */
    private void export(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, config.exportRoles().toArray(Role[]::new));
        Instant since = instant(ctx.queryParam("since"), Instant.EPOCH, "since");
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        StringBuilder csv = new StringBuilder(String.join(",", EXPORT_COLUMNS)).append("\r\n");
        List<String> ids = new ArrayList<>();
        database.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(EXPORT)) {
                query.setObject(1, since.atOffset(ZoneOffset.UTC));
                query.setBoolean(2, all);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        List<String> cells = new ArrayList<>();
                        for (int i = 1; i <= EXPORT_COLUMNS.size(); i++) {
                            Object value = rows.getObject(i);
                            cells.add(
                                    value instanceof OffsetDateTime t
                                            ? t.toInstant().toString()
                                            : value == null ? "" : value.toString());
                        }
                        ids.add(rows.getString(1));
                        csv.append(csvRow(cells));
                    }
                }
            }
            markExported(connection, ids);
            return null;
        });
        ctx.header("Content-Disposition", "attachment; filename=\"varsel-hotline-export.csv\"")
                .contentType("text/csv; charset=utf-8")
                .result(csv.toString());
    }

    private static void markExported(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_EXPORTED)) {
            update.setArray(1, connection.createArrayOf("text", ids.toArray()));
            update.executeUpdate();
        }
    }

    /** {@code weeks} (1-104, default 12) back from now; {@code format=csv} for CSV. */
    private void stats(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, Role.ANALYST, Role.LEAD, Role.ADMIN);
        int weeks = weeks(ctx);
        Instant from = from(weeks);
        List<IncidentStore.WeeklyCount> rows = query(weeks);
        if ("csv".equalsIgnoreCase(ctx.queryParam("format"))) {
            StringBuilder csv = new StringBuilder("week,week_start,category,platform,incidents\r\n");
            for (IncidentStore.WeeklyCount row : rows) {
                csv.append(csvRow(List.of(
                        row.week(), row.weekStart(), row.category(), row.platform(), Long.toString(row.incidents()))));
            }
            ctx.header("Content-Disposition", "attachment; filename=\"varsel-child-safety-stats.csv\"")
                    .contentType("text/csv; charset=utf-8")
                    .result(csv.toString());
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("weeks", weeks);
        body.put("from", from.toString());
        ArrayNode platforms = body.putArray("platforms");
        config.platforms().forEach(platforms::add);
        ArrayNode items = body.putArray("rows");
        for (IncidentStore.WeeklyCount row : rows) {
            items.addObject()
                    .put("week", row.week())
                    .put("week_start", row.weekStart())
                    .put("category", row.category())
                    .put("platform", row.platform())
                    .put("incidents", row.incidents());
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private static Instant from(int weeks) {
        return Instant.now().minus(java.time.Duration.ofDays(7L * weeks));
    }

    /** Child-safety incidents of the last {@code weeks} weeks by ISO week, category and configured platform. */
    private List<IncidentStore.WeeklyCount> query(int weeks) throws SQLException {
        return incidents.childSafetyByWeek(config.platforms(), from(weeks));
    }

    /** {@code weeks} back from now: 1-104, 12 by default. */
    private static int weeks(Context ctx) {
        return RequestParams.intParam(ctx, "weeks", 12, 1, 104);
    }

    private static Instant instant(String value, Instant fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be an RFC 3339 timestamp with offset");
        }
    }

    /** One CSV line; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
    static String csvRow(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                cell = "'" + cell;
            }
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            line.append(i == 0 ? "" : ",").append(cell);
        }
        return line.append("\r\n").toString();
    }
}
