package org.varsel.desk.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Tier;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.incident.IncidentPage;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.triage.PartnerView;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.http.IncidentApi;
import org.varsel.desk.triage.http.QueueParams;

/** The queue page: filters, counts by status, paging, and the bulk actions on the incidents ticked there. */
public record QueuePages(QueueStore queue, Triage triage, AnalystPages pages) implements RouteGroup {
    private static final int QUEUE_PAGE = 50;

    @Override
    public void addTo(Javalin app) {
        app.get("/", this::queuePage);
        app.post("/incidents/bulk", this::bulkForm);
    }

    private void queuePage(Context ctx) throws SQLException {
        Sessions.Session session = pages.session(ctx);
        Principal principal = session.principal();
        QueueParams params;
        try {
            params = QueueParams.from(ctx, QUEUE_PAGE);
        } catch (Problem bad) {
            throw AnalystPages.error(bad, session);
        }
        Visibility visibility = Visibility.of(principal);
        IncidentPage page = queue.list(params.filter(), params.order(), params.limit(), params.offset(), visibility);
        List<Map<String, Object>> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (QueuedIncident incident : page.items()) {
            ObjectNode shown = PartnerView.forViewer(incident.toJson(), principal);
            Map<String, Object> row = AnalystPages.map(shown);
            row.put("sensitive", Wellness.sensitive(shown));
            row.put(
                    "age",
                    RelativeTime.ago(shown.path("first_seen").asText(""), now).orElse(""));
            row.put(
                    "activity",
                    RelativeTime.ago(shown.path("last_seen").asText(""), now).orElse(""));
            rows.add(row);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        queue.countsByStatus(params.filter(), visibility).forEach((status, n) -> counts.put(status.label(), n));
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("total", page.total());
        model.put("counts", counts);
        model.put("filter", filterModel(ctx));
        model.put("statusLinks", statusLinks(ctx));
        model.put("statuses", IncidentStatus.labels());
        model.put(
                "kinds",
                List.of(IncidentKind.values()).stream().map(IncidentKind::label).toList());
        model.put("tiers", List.of(Tier.values()).stream().map(Tier::label).toList());
        model.put("from", page.total() == 0 ? 0 : params.offset() + 1);
        model.put("to", params.offset() + page.items().size());
        model.put(
                "previous", params.offset() > 0 ? withOffset(ctx, Math.max(0, params.offset() - params.limit())) : "");
        model.put(
                "next",
                params.offset() + page.items().size() < page.total()
                                && params.offset() + params.limit() <= QueueParams.MAX_OFFSET
                        ? withOffset(ctx, params.offset() + params.limit())
                        : "");
        model.put("back", ctx.queryString() == null ? "/" : "/?" + ctx.queryString());
        pages.render(ctx, "queue", model, session);
    }

    private void bulkForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.staffForm(ctx);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
        List<Triage.BulkOutcome> outcomes = pages.act(
                session,
                () -> triage.bulk(
                        session.principal(),
                        ctx.formParams("ids"),
                        action.equals("assign-me")
                                ? IncidentApi.bulkAction(
                                        "assign", "", Optional.empty(), Optional.of(session.username()))
                                : IncidentApi.bulkAction(
                                        "status",
                                        action,
                                        Optional.ofNullable(ctx.formParam("reason")),
                                        Optional.empty())));
        // every incident's outcome, refusals with their reason: a bulk action that did nothing must say so
        Map<String, Object> model = new HashMap<>();
        model.put(
                "results",
                outcomes.stream()
                        .map(o ->
                                Map.of("id", o.incidentId(), "error", o.error().orElse("")))
                        .toList());
        model.put("done", outcomes.stream().filter(o -> o.error().isEmpty()).count());
        model.put("action", action);
        model.put("back", AnalystPages.back(ctx));
        pages.render(ctx, "bulk-results", model, session);
    }

    /** The query's parameters, for the filter form to show what is set. */
    static Map<String, String> filterModel(Context ctx) {
        Map<String, String> filter = new HashMap<>();
        ctx.queryParamMap().forEach((key, values) -> filter.put(key, values.isEmpty() ? "" : values.get(0)));
        return filter;
    }

    /** Links to the queue with the current filters and one status (or none). */
    private static Map<String, String> statusLinks(Context ctx) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("all", query(ctx, "status", null));
        for (IncidentStatus status : IncidentStatus.values()) {
            links.put(status.label(), query(ctx, "status", status.label()));
        }
        return links;
    }

    private static String withOffset(Context ctx, int offset) {
        return query(ctx, "offset", String.valueOf(offset));
    }

    /** The current query with one parameter replaced (or removed); paging restarts when a filter changes. */
    private static String query(Context ctx, String name, String value) {
        StringBuilder query = new StringBuilder("/?");
        ctx.queryParamMap().forEach((key, values) -> {
            if (!key.equals(name)
                    && !(key.equals("offset") && !name.equals("offset"))
                    && !values.isEmpty()
                    && !values.get(0).isEmpty()) {
                query.append(encode(key))
                        .append('=')
                        .append(encode(values.get(0)))
                        .append('&');
            }
        });
        if (value != null) {
            query.append(encode(name)).append('=').append(encode(value));
        }
        String result = query.toString();
        return result.endsWith("&") || result.endsWith("?") ? result.substring(0, result.length() - 1) : result;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
