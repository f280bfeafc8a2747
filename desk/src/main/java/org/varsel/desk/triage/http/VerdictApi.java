package org.varsel.desk.triage.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.audit.AuditApi;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.triage.Verdicts;

/** What the analysts' verdicts say: each rule's precision, and the verdicts as training data (leads, audited). */
public record VerdictApi(Verdicts verdicts, AuditLog audit) implements RouteGroup {
    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/rules/precision", this::rulePrecision);
        app.get("/api/v1/training-data", this::trainingData);
    }

    private void rulePrecision(Context ctx) throws SQLException, IOException {
        HttpApi.requireRole(ctx, IncidentApi.STAFF);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        verdicts.rulePrecision().forEach(rule -> items.add(rule.toJson()));
        JsonBody.send(ctx, body);
    }

    private void trainingData(Context ctx) throws SQLException, IOException {
        Principal principal = HttpApi.requireRole(ctx, AuditApi.LEADS);
        audit.record(AuditLog.actor(principal), "export-training-data", Optional.empty());
        ctx.contentType("application/x-ndjson; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"varsel-verdicts.jsonl\"");
        Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8);
        verdicts.writeTrainingData(out);
        out.flush();
    }
}
