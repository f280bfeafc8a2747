package org.varsel.desk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.varsel.desk.audit.AuditApi;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.triage.Verdicts;

/** The pages leads review the desk on: the audit log and the rules' precision from the analysts' verdicts. */
public record AuditPages(AuditLog audit, Verdicts verdicts, AnalystPages pages) implements RouteGroup {
    @Override
    public void addTo(Javalin app) {
        app.get("/audit", this::auditPage);
        app.get("/rules", this::rulesPage);
    }

    private void auditPage(Context ctx) throws SQLException {
        Sessions.Session session = pages.session(ctx);
        if (!SignedInPage.isLead(session.role())) {
            throw new AnalystPages.PageError(403, "The audit log is for leads and admins.", session);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("events", AuditApi.query(audit, ctx, 200));
        model.put("filter", QueuePages.filterModel(ctx));
        model.put("csv", "/api/v1/audit.csv" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        pages.render(ctx, "audit", model, session);
    }

    private void rulesPage(Context ctx) throws SQLException {
        Sessions.Session session = pages.session(ctx);
        if (session.role() == Role.PARTNER) {
            throw new AnalystPages.PageError(403, "Rule precision is for the desk's staff.", session);
        }
        pages.render(
                ctx,
                "rules",
                Map.of("rules", verdicts.rulePrecision(), "canExport", SignedInPage.isLead(session.role())),
                session);
    }
}
