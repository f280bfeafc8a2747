package org.varsel.desk.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;

/** The audit log for leads and admins: as JSON, and as CSV (the export is itself audited). */
public record AuditApi(AuditLog audit) implements RouteGroup {
    /** Who reads the audit log and exports the desk's records. */
    public static final Role[] LEADS = {Role.LEAD, Role.ADMIN};

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/audit", this::auditJson);
        app.get("/api/v1/audit.csv", this::auditCsv);
    }

    /** The audit events the request's filters ({@code actor, action, incident, from, to, before, limit}) select. */
    public static List<AuditEvent> query(AuditLog audit, Context ctx, int defaultLimit) throws SQLException {
        String before = ctx.queryParam("before");
        Optional<Long> beforeId;
        try {
            beforeId = before == null || before.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(before));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("before must be an audit event id");
        }
        return audit.list(new AuditLog.Query(
                RequestParams.word(ctx, "actor"),
                RequestParams.word(ctx, "action"),
                RequestParams.word(ctx, "incident"),
                RequestParams.time(ctx, "from", false),
                RequestParams.time(ctx, "to", true),
                beforeId,
                RequestParams.intParam(ctx, "limit", defaultLimit, 1, AuditLog.MAX_PAGE)));
    }

    private void auditJson(Context ctx) throws SQLException, IOException {
        HttpApi.requireRole(ctx, LEADS);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        query(audit, ctx, 100).forEach(event -> items.add(event.toJson()));
        JsonBody.send(ctx, body);
    }

    private void auditCsv(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, LEADS);
        List<AuditEvent> events = query(audit, ctx, AuditLog.MAX_PAGE);
        audit.record(
                AuditLog.actor(principal),
                "export-audit",
                Optional.of(Json.mapper()
                        .createObjectNode()
                        .put("rows", events.size())
                        .put("query", ctx.queryString())));
        StringWriter csv = new StringWriter();
        AuditLog.writeCsv(events, csv);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"varsel-audit.csv\"")
                .result(csv.toString());
    }
}
