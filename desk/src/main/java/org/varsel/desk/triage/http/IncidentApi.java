package org.varsel.desk.triage.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.incident.IncidentPage;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.triage.Comment;
import org.varsel.desk.triage.PartnerView;
import org.varsel.desk.triage.Triage;

/** The triage API: the queue, an incident, its status, assignee, comments and history, and bulk actions. */
public record IncidentApi(QueueStore queue, Triage triage, AuditLog audit) implements RouteGroup {
    static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/incidents", this::list);
        app.post("/api/v1/incidents/bulk", this::bulk);
        app.get("/api/v1/incidents/{id}", this::get);
        app.post("/api/v1/incidents/{id}/status", this::status);
        app.post("/api/v1/incidents/{id}/assign", this::assign);
        app.get("/api/v1/incidents/{id}/comments", this::comments);
        app.post("/api/v1/incidents/{id}/comments", this::comment);
        app.get("/api/v1/incidents/{id}/history", this::history);
    }

    private void list(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, Role.values());
        QueueParams params = QueueParams.from(ctx, QueueStore.DEFAULT_LIMIT);
        Visibility visibility = Visibility.of(principal);
        IncidentPage page = queue.list(params.filter(), params.order(), params.limit(), params.offset(), visibility);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(incident -> items.add(PartnerView.forViewer(incident.toJson(), principal)));
        body.put("total", page.total());
        ObjectNode counts = body.putObject("counts");
        queue.countsByStatus(params.filter(), visibility).forEach((status, n) -> counts.put(status.label(), n));
        JsonBody.send(ctx, body);
    }

    private void get(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, Role.values());
        QueueStore.Entry entry = visibleEntry(ctx, principal);
        ObjectNode body = entry.incident().toJson();
        entry.statusReason().ifPresent(reason -> body.put("status_reason", reason));
        JsonBody.send(ctx, PartnerView.forViewer(body, principal));
    }

    private void status(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        JsonNode body = JsonBody.object(ctx);
        IncidentStatus to = status(body.path("status").asText(""));
        Triage.State state = Refusals.act(
                () -> triage.changeStatus(principal, RequestParams.incidentId(ctx), to, JsonBody.text(body, "reason")));
        JsonBody.send(ctx, stateJson(state));
    }

    private void assign(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        JsonNode body = JsonBody.object(ctx);
        Triage.State state = Refusals.act(
                () -> triage.assign(principal, RequestParams.incidentId(ctx), JsonBody.text(body, "assignee")));
        JsonBody.send(ctx, stateJson(state));
    }

    private void comments(Context ctx) throws SQLException, IOException {
        String id =
                visibleEntry(ctx, HttpApi.requireRole(ctx, STAFF)).incident().id();
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        triage.comments(id).forEach(comment -> items.add(commentJson(comment)));
        JsonBody.send(ctx, body);
    }

    private void comment(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        JsonNode body = JsonBody.object(ctx);
        Comment comment = Refusals.act(() -> triage.comment(
                principal, RequestParams.incidentId(ctx), body.path("body").asText("")));
        JsonBody.send(ctx.status(201), commentJson(comment));
    }

    private void history(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        String id = visibleEntry(ctx, principal).incident().id();
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode events = body.putArray("events");
        audit.forIncident(id).forEach(event -> events.add(event.toJson()));
        ArrayNode revisions = body.putArray("revisions");
        triage.revisions(id).forEach(revision -> revisions.add(Json.mapper().valueToTree(revision)));
        JsonBody.send(ctx, body);
    }

    private void bulk(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        JsonNode body = JsonBody.object(ctx);
        List<String> ids = new ArrayList<>();
        body.path("ids").forEach(id -> ids.add(id.asText()));
        Triage.BulkAction action = bulkAction(
                body.path("action").asText(""),
                body.path("status").asText(""),
                JsonBody.text(body, "reason"),
                JsonBody.text(body, "assignee"));
        List<Triage.BulkOutcome> outcomes = Refusals.act(() -> triage.bulk(principal, ids, action));
        ObjectNode result = Json.mapper().createObjectNode();
        ArrayNode items = result.putArray("results");
        for (Triage.BulkOutcome outcome : outcomes) {
            ObjectNode item = items.addObject()
                    .put("id", outcome.incidentId())
                    .put("ok", outcome.error().isEmpty());
            outcome.error().ifPresent(error -> item.put("error", error));
        }
        JsonBody.send(ctx, result);
    }

    /** A bulk action, {@code assign} or {@code status} (or a status label as the action), as the API and the page name it. */
    public static Triage.BulkAction bulkAction(
            String action, String status, Optional<String> reason, Optional<String> assignee) {
        if (action.equals("assign")) {
            return (triage, who, id) -> triage.assign(who, id, assignee);
        }
        if (action.equals("status") || IncidentStatus.fromLabel(action).isPresent()) {
            IncidentStatus to = status(status.isEmpty() ? action : status);
            return (triage, who, id) -> triage.changeStatus(who, id, to, reason);
        }
        throw Problem.badRequest("action must be status or assign");
    }

    private QueueStore.Entry visibleEntry(Context ctx, Principal principal) throws SQLException {
        // Unknown and not visible look the same: a partner learns nothing about others' incidents.
        return queue.find(RequestParams.incidentId(ctx), Visibility.of(principal))
                .orElseThrow(() -> Problem.notFound("no such incident"));
    }

    private static IncidentStatus status(String label) {
        return IncidentStatus.fromLabel(label)
                .orElseThrow(() -> Problem.badRequest("status must be one of " + IncidentStatus.labels()));
    }

    private static ObjectNode stateJson(Triage.State state) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("status", state.status().label());
        json.put("assignee", state.assignee().orElse(null));
        json.put("reason", state.reason().orElse(null));
        return json;
    }

    private static ObjectNode commentJson(Comment comment) {
        return Json.mapper()
                .createObjectNode()
                .put("id", comment.id())
                .put("author", comment.author())
                .put("body", comment.body())
                .put("created_at", comment.createdAt().toString());
    }
}
