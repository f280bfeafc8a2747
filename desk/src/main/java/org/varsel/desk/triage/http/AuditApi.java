package org.varsel.desk.triage.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
import org.varsel.desk.triage.AuditEvent;
import org.varsel.desk.triage.AuditLog;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.Verdicts;

/** What leads review: the audit log (JSON and CSV), the rules' precision, and the analysts' verdicts as training data. */
public final class AuditApi implements RouteGroup {
  /** Who reads the audit log and exports training data. */
  public static final Role[] LEADS = {Role.LEAD, Role.ADMIN};

  private final AuditLog audit;
  private final Verdicts verdicts;

  public AuditApi(AuditLog audit, Verdicts verdicts) {
    this.audit = audit;
    this.verdicts = verdicts;
  }

  @Override
  public void addTo(Javalin app) {
    app.get("/api/v1/audit", this::auditJson);
    app.get("/api/v1/audit.csv", this::auditCsv);
    app.get("/api/v1/rules/precision", this::rulePrecision);
    app.get("/api/v1/training-data", this::trainingData);
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
    return audit.list(new AuditLog.Query(RequestParams.word(ctx, "actor"), RequestParams.word(ctx, "action"),
        RequestParams.word(ctx, "incident"), RequestParams.time(ctx, "from", false),
        RequestParams.time(ctx, "to", true), beforeId,
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
    audit.record(Triage.actor(principal), "export-audit", Optional.empty(), Optional.empty(),
        Optional.of(Json.mapper().createObjectNode().put("rows", events.size()).put("query", ctx.queryString())));
    StringWriter csv = new StringWriter();
    AuditLog.writeCsv(events, csv);
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"varsel-audit.csv\"")
        .result(csv.toString());
  }

  private void rulePrecision(Context ctx) throws SQLException, IOException {
    HttpApi.requireRole(ctx, IncidentApi.STAFF);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    verdicts.rulePrecision().forEach(rule -> items.add(rule.toJson()));
    JsonBody.send(ctx, body);
  }

  private void trainingData(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, LEADS);
    audit.record(Triage.actor(principal), "export-training-data", Optional.empty(), Optional.empty(),
        Optional.empty());
    ctx.contentType("application/x-ndjson; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"varsel-verdicts.jsonl\"");
    Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
    verdicts.writeTrainingData(out);
    out.flush();
  }
}
