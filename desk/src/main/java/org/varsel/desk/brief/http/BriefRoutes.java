package org.varsel.desk.brief.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.brief.BriefFormat;
import org.varsel.desk.brief.BriefProblem;
import org.varsel.desk.brief.BriefService;
import org.varsel.desk.brief.Track;
import org.varsel.desk.brief.report.TransparencyReport;
import org.varsel.desk.brief.store.IssuedBriefRecord;
import org.varsel.desk.brief.store.PlatformResponse;
import org.varsel.desk.brief.store.ResponseAction;

/**
 * The brief endpoints, for analysts, leads and admins (partners get 403, the anonymous demo reader 401). Errors are
 * thrown as {@link HttpResponseException}, which the desk answers as problem+json. See {@code docs/briefs.md}.
 */
public final class BriefRoutes {
  private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};
  private static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z0-9-]{1,200}");
  private static final Pattern BRIEF_ID = Pattern.compile("brf-[0-9a-f-]{36}");
  private static final Duration LONGEST_PERIOD = Duration.ofDays(3660);
  // Even a browser that ignores Content-Disposition runs nothing from a brief.
  private static final String NO_SCRIPTS = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
      + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private BriefRoutes() {}

  /** How the desk checks the caller: the authenticated principal if it has one of the roles, else 401/403. */
  @FunctionalInterface
  public interface Guard {
    Principal require(Context ctx, Role... allowed);
  }

  public static void register(Javalin app, BriefService briefs, Guard guard) {
    Routes routes = new Routes(briefs, guard);
    app.get("/api/v1/incidents/{id}/brief", problems(routes::incidentBrief));
    app.get("/api/v1/briefs/platform/{platform}", problems(routes::platformBrief));
    app.get("/api/v1/briefs/{id}", problems(routes::brief));
    app.post("/api/v1/briefs/{id}/responses", problems(routes::respond));
    app.get("/api/v1/reports/transparency", problems(routes::transparency));
  }

  /** The desk answers {@link HttpResponseException} as problem+json; a {@link BriefProblem} becomes one. */
  public static Handler problems(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (BriefProblem problem) {
        throw new HttpResponseException(problem.status(), problem.getMessage());
      }
    };
  }

  private record Routes(BriefService briefs, Guard guard) {
    void incidentBrief(Context ctx) throws SQLException {
      Principal by = staff(ctx);
      String id = ctx.pathParam("id");
      if (!INCIDENT_ID.matcher(id).matches()) {
        throw new HttpResponseException(404, "no such incident");
      }
      send(ctx, briefs.forIncident(id, format(ctx), track(ctx), Optional.ofNullable(blankToNull(ctx.queryParam("audience"))),
          by.name()));
    }

    void platformBrief(Context ctx) throws SQLException {
      Principal by = staff(ctx);
      String platform = ctx.pathParam("platform");
      String audience = blankToNull(ctx.queryParam("audience"));
      if (audience != null && !audience.equals("platform:" + platform)) {
        throw new HttpResponseException(400, "a platform brief goes to platform:" + platform + " only");
      }
      send(ctx, briefs.forPlatform(platform, format(ctx), track(ctx), by.name()));
    }

    void brief(Context ctx) throws SQLException {
      staff(ctx);
      IssuedBriefRecord record = record(ctx);
      ObjectNode body = toJson(record);
      ArrayNode responses = body.putArray("responses");
      for (PlatformResponse response : briefs.responses(record.id())) {
        responses.add(toJson(response));
      }
      ctx.contentType("application/json").result(body.toString());
    }

    void respond(Context ctx) throws SQLException {
      Principal by = staff(ctx);
      IssuedBriefRecord record = record(ctx);
      JsonNode body;
      try {
        body = Json.mapper().readTree(ctx.bodyAsBytes());
      } catch (IOException e) {
        throw new HttpResponseException(400, "the body must be JSON: {\"url\", \"action\", \"responded_at\"}");
      }
      if (body == null || !body.isObject()) {
        throw new HttpResponseException(400, "the body must be a JSON object");
      }
      String url = text(body, "url");
      ResponseAction action = ResponseAction.fromLabel(text(body, "action")).orElseThrow(() ->
          new HttpResponseException(400, "action must be one of "
              + Arrays.stream(ResponseAction.values()).map(ResponseAction::label).toList()));
      Instant respondedAt = instant(text(body, "responded_at"), "responded_at");
      PlatformResponse response = briefs.respond(record.id(), url, action, respondedAt, by.name());
      ctx.status(201).contentType("application/json").result(toJson(response).toString());
    }

    void transparency(Context ctx) throws SQLException {
      staff(ctx);
      Instant from = instant(required(ctx, "from"), "from");
      Instant to = instant(required(ctx, "to"), "to");
      if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
        throw new HttpResponseException(400, "to must be after from, and the period at most 10 years");
      }
      String format = Optional.ofNullable(blankToNull(ctx.queryParam("format"))).orElse("html");
      TransparencyReport report = briefs.transparency(from, to);
      switch (format) {
        case "html" -> ctx.contentType("text/html; charset=utf-8").header("Content-Security-Policy", NO_SCRIPTS)
            .result(report.html());
        case "csv" -> ctx.contentType("text/csv; charset=utf-8")
            .header("Content-Disposition", "attachment; filename=\"transparency-" + from + "-" + to + ".csv\"")
            .result(report.csv());
        default -> throw new HttpResponseException(400, "format must be html or csv");
      }
    }

    private Principal staff(Context ctx) {
      Principal principal = guard.require(ctx, STAFF);
      if (principal.isAnonymous()) {
        // a brief is a record of who sent what: never anonymous, not even in the demo
        throw new HttpResponseException(401, "briefs need a token");
      }
      return principal;
    }

    private IssuedBriefRecord record(Context ctx) throws SQLException {
      String id = ctx.pathParam("id");
      return (BRIEF_ID.matcher(id).matches() ? briefs.find(id) : Optional.<IssuedBriefRecord>empty())
          .orElseThrow(() -> new HttpResponseException(404, "no such brief"));
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
      ctx.header("Content-Disposition", "attachment; filename=\"" + record.id() + "." + record.format().extension() + "\"");
      ctx.contentType(record.format().mediaType()).result(issued.bytes());
    }
  }

  private static BriefFormat format(Context ctx) {
    return param(ctx, "format", BriefFormat.values(), BriefFormat::label, BriefFormat::fromLabel)
        .orElse(BriefFormat.PDF);
  }

  private static Track track(Context ctx) {
    return param(ctx, "track", Track.values(), Track::label, Track::fromLabel).orElseThrow(() ->
        new HttpResponseException(400, "track is required: dsa (illegal content, DSA Art. 16 notice) or tos "
            + "(against the platform's terms of service)"));
  }

  private static <E> Optional<E> param(Context ctx, String name, E[] values, Function<E, String> label,
      Function<String, Optional<E>> parse) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(parse.apply(value).orElseThrow(() -> new HttpResponseException(400,
        name + " must be one of " + Arrays.stream(values).map(label).toList())));
  }

  private static String required(Context ctx, String name) {
    String value = blankToNull(ctx.queryParam(name));
    if (value == null) {
      throw new HttpResponseException(400, name + " is required (YYYY-MM-DD, or an ISO-8601 instant)");
    }
    return value;
  }

  /** A date (midnight UTC) or an instant. */
  /** A date (midnight UTC) or an instant, else a 400 naming the parameter. */
  public static Instant instant(String value, String name) {
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw BriefProblem.badRequest(name + " must be YYYY-MM-DD or an ISO-8601 instant such as 2025-03-01T12:00:00Z");
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new HttpResponseException(400, field + " is required (a string)");
    }
    return value.asText();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
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
