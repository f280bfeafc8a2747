package org.varsel.desk.brief.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.brief.BriefService;
import org.varsel.desk.brief.model.BriefFormat;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.IssuedBriefRecord;
import org.varsel.desk.brief.store.PlatformResponse;
import org.varsel.desk.brief.store.ResponseAction;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;

/**
 * The brief endpoints, for analysts, leads and admins (partners get 403, the anonymous demo reader 401). See
 * {@code docs/briefs.md}.
 */
public final class BriefRoutes implements RouteGroup {
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};
    private static final Pattern BRIEF_ID = Pattern.compile("brf-[0-9a-f-]{36}");
    private static final Duration LONGEST_PERIOD = Duration.ofDays(3660);
    private static final String DATE_OR_INSTANT = "YYYY-MM-DD, or an ISO-8601 instant";
    // Even a browser that ignores Content-Disposition runs nothing from a brief.
    private static final String NO_SCRIPTS = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final BriefService briefs;

    public BriefRoutes(BriefService briefs) {
        this.briefs = briefs;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/incidents/{id}/brief", this::incidentBrief);
        app.get("/api/v1/briefs/platform/{platform}", this::platformBrief);
        app.get("/api/v1/briefs/{id}", this::brief);
        app.post("/api/v1/briefs/{id}/responses", this::respond);
        app.get("/api/v1/reports/transparency", this::transparency);
    }

    private void incidentBrief(Context ctx) throws SQLException {
        Principal by = staff(ctx);
        String id = RequestParams.incidentId(ctx);
        send(ctx, briefs.forIncident(id, format(ctx), track(ctx), RequestParams.present(ctx, "audience"), by.name()));
    }

    private void platformBrief(Context ctx) throws SQLException {
        Principal by = staff(ctx);
        String platform = ctx.pathParam("platform");
        Optional<String> audience = RequestParams.present(ctx, "audience");
        if (audience.isPresent() && !audience.get().equals("platform:" + platform)) {
            throw Problem.badRequest("a platform brief goes to platform:" + platform + " only");
        }
        send(ctx, briefs.forPlatform(platform, format(ctx), track(ctx), by.name()));
    }

    private void brief(Context ctx) throws SQLException {
        staff(ctx);
        IssuedBriefRecord record = record(ctx);
        ObjectNode body = toJson(record);
        ArrayNode responses = body.putArray("responses");
        for (PlatformResponse response : briefs.responses(record.id())) {
            responses.add(toJson(response));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void respond(Context ctx) throws SQLException {
        Principal by = staff(ctx);
        IssuedBriefRecord record = record(ctx);
        JsonNode body = JsonBody.object(ctx);
        String url = JsonBody.requiredText(body, "url");
        ResponseAction action = ResponseAction.fromLabel(JsonBody.requiredText(body, "action"))
                .orElseThrow(() -> Problem.badRequest("action must be one of "
                        + Arrays.stream(ResponseAction.values())
                                .map(ResponseAction::label)
                                .toList()));
        Instant respondedAt = RequestParams.instant(JsonBody.requiredText(body, "responded_at"), "responded_at");
        PlatformResponse response = briefs.respond(record.id(), url, action, respondedAt, by.name());
        ctx.status(201).contentType("application/json").result(toJson(response).toString());
    }

    private void transparency(Context ctx) throws SQLException {
        staff(ctx);
        Instant from = RequestParams.instant(RequestParams.required(ctx, "from", DATE_OR_INSTANT), "from");
        Instant to = RequestParams.instant(RequestParams.required(ctx, "to", DATE_OR_INSTANT), "to");
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw Problem.badRequest("to must be after from, and the period at most 10 years");
        }
        String format = RequestParams.present(ctx, "format").orElse("html");
        TransparencyReport report = briefs.transparency(from, to);
        switch (format) {
            case "html" ->
                ctx.contentType("text/html; charset=utf-8")
                        .header("Content-Security-Policy", NO_SCRIPTS)
                        .result(report.html());
            case "csv" ->
                ctx.contentType("text/csv; charset=utf-8")
                        .header(
                                "Content-Disposition",
                                "attachment; filename=\"transparency-" + from + "-" + to + ".csv\"")
                        .result(report.csv());
            default -> throw Problem.badRequest("format must be html or csv");
        }
    }

    private Principal staff(Context ctx) {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        if (principal.isAnonymous()) {
            // a brief is a record of who sent what: never anonymous, not even in the demo
            throw Problem.unauthorized("briefs need a token");
        }
        return principal;
    }

    private IssuedBriefRecord record(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        return (BRIEF_ID.matcher(id).matches() ? briefs.find(id) : Optional.<IssuedBriefRecord>empty())
                .orElseThrow(() -> Problem.notFound("no such brief"));
    }

    private static void send(Context ctx, BriefService.IssuedBrief issued) {
        IssuedBriefRecord record = issued.record();
        ctx.header("X-Brief-Id", record.id());
        ctx.header("X-Brief-SHA256", record.sha256());
        ctx.header("X-Brief-TLP", record.tlp().label());
        if (!issued.skipped().isEmpty()) {
            ctx.header("X-Brief-Skipped", String.join(",", issued.skipped().keySet()));
        }
        ctx.header("Content-Security-Policy", NO_SCRIPTS);
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + record.id() + "." + record.format().extension() + "\"");
        ctx.contentType(record.format().mediaType()).result(issued.bytes());
    }

    private static BriefFormat format(Context ctx) {
        return RequestParams.enumParam(ctx, "format", BriefFormat.values(), BriefFormat::label)
                .orElse(BriefFormat.PDF);
    }

    private static Track track(Context ctx) {
        return RequestParams.enumParam(ctx, "track", Track.values(), Track::label)
                .orElseThrow(
                        () -> Problem.badRequest("track is required: dsa (illegal content, DSA Art. 16 notice) or tos "
                                + "(against the platform's terms of service)"));
    }

    private static ObjectNode toJson(IssuedBriefRecord record) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", record.id());
        ArrayNode incidents = node.putArray("incident_ids");
        record.incidentIds().forEach(incidents::add);
        node.put("sha256", record.sha256());
        node.put("format", record.format().label());
        node.put("track", record.track().label());
        node.put("audience", record.audience());
        node.put("tlp", record.tlp().label());
        ArrayNode urls = node.putArray("urls");
        record.urls().forEach(urls::add);
        node.put("size_bytes", record.sizeBytes());
        node.put("created_by", record.createdBy());
        node.put("created_at", record.createdAt().toString());
        return node;
    }

    private static ObjectNode toJson(PlatformResponse response) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", response.id());
        node.put("brief_id", response.briefId());
        node.put("url", response.url());
        node.put("action", response.action().label());
        node.put("responded_at", response.respondedAt().toString());
        node.put("recorded_by", response.recordedBy());
        node.put("recorded_at", response.recordedAt().toString());
        return node;
    }
}
