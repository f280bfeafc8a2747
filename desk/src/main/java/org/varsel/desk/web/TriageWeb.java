package org.varsel.desk.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.StorableText;
import org.varsel.contract.Tier;
import org.varsel.desk.alert.Alerts;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.incident.IncidentPage;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.pipeline.PipelineStatus;
import org.varsel.desk.triage.AuditEvent;
import org.varsel.desk.triage.AuditLog;
import org.varsel.desk.triage.Comment;
import org.varsel.desk.triage.PartnerView;
import org.varsel.desk.triage.QueueStore;
import org.varsel.desk.triage.Revision;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.TriageException;
import org.varsel.desk.triage.Verdicts;
import org.varsel.desk.triage.Workflow;

/**
 * The analyst desk on the web: the login, queue, incident, audit and rules pages, and the triage API that mirrors
 * them. Browser sessions authenticate the API too; a state-changing call with a session needs its CSRF token
 * ({@code X-CSRF-Token} header, or the {@code _csrf} form field on pages). Bearer-token calls are exempt.
 */
public final class TriageWeb implements RouteGroup {
  private static final Logger LOG = LoggerFactory.getLogger(TriageWeb.class);
  public static final String COOKIE = "varsel_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";
  private static final String LOGIN_COOKIE = "varsel_login";
  private static final String JSON = "application/json";
  private static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z0-9-]{1,200}");
  private static final Pattern SAFE_BACK = Pattern.compile("/[A-Za-z0-9/?&=%._~+:@,;!*()'-]*");
  private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};
  private static final Role[] LEADS = {Role.LEAD, Role.ADMIN};
  private static final int QUEUE_PAGE = 50;
  private static final String CSP = SignedInPage.CSP;
  private static final Map<String, String> STATIC = Map.of(
      "desk.css", "text/css; charset=utf-8",
      "desk.js", "text/javascript; charset=utf-8");

  private final Sessions sessions;
  private final QueueStore queue;
  private final Triage triage;
  private final AuditLog audit;
  private final Verdicts verdicts;
  private final Alerts alerts;
  private final Views views = new Views();
  private final LoginThrottle throttle;
  private final Supplier<PipelineStatus> pipeline;

  /**
   * @param pipeline the pipeline's status for the status block staff see on every page
   * @param alerts the threat-to-life alerts for the banner staff see on every page until one acknowledges them
   */
  public TriageWeb(Sessions sessions, LoginThrottle throttle, QueueStore queue, Triage triage, AuditLog audit,
      Verdicts verdicts, Supplier<PipelineStatus> pipeline, Alerts alerts) {
    this.throttle = throttle;
    this.pipeline = pipeline;
    this.alerts = alerts;
    this.sessions = sessions;
    this.queue = queue;
    this.triage = triage;
    this.audit = audit;
    this.verdicts = verdicts;
  }

  /** A browser session signs in API calls too; then a state-changing call must carry the session's CSRF token. */
  @Override
  public void authenticate(Context ctx) throws SQLException {
    if (ctx.header("Authorization") != null) {
      return;
    }
    Optional<Sessions.Session> session = session(ctx);
    if (session.isEmpty()) {
      return;
    }
    if (!isSafe(ctx) && !sameToken(ctx.header(CSRF_HEADER), session.get().csrfToken())) {
      throw Problem.forbidden("a call with a session cookie needs its CSRF token in " + CSRF_HEADER);
    }
    ctx.attribute(HttpApi.PRINCIPAL, session.get().principal());
  }

  @Override
  public void addTo(Javalin app) {
    app.exception(NeedsLogin.class, (e, ctx) -> ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER));
    app.exception(PageError.class, (e, ctx) -> page(ctx.status(e.status), "error",
        Map.of("message", e.getMessage(), "status", e.status), e.session));

    app.get("/static/{file}", this::staticFile);
    app.get("/login", ctx -> loginPage(ctx, 200, Map.of()));
    app.post("/login", this::login);
    app.post("/logout", this::logout);
    app.get("/", this::queuePage);
    app.get("/incidents/{id}", this::incidentPage);
    app.post("/incidents/bulk", this::bulkForm);
    app.post("/incidents/{id}/status", this::statusForm);
    app.post("/incidents/{id}/assign", this::assignForm);
    app.post("/incidents/{id}/comments", this::commentForm);
    app.get("/audit", this::auditPage);
    app.get("/rules", this::rulesPage);
    app.post("/prefs/greyscale", this::greyscaleForm);
    app.post("/alerts/{id}/acknowledge", this::acknowledgeAlertForm);

    app.get("/api/v1/incidents", this::listIncidents);
    app.post("/api/v1/incidents/bulk", this::bulkApi);
    app.get("/api/v1/incidents/{id}", this::getIncident);
    app.post("/api/v1/incidents/{id}/status", this::statusApi);
    app.post("/api/v1/incidents/{id}/assign", this::assignApi);
    app.get("/api/v1/incidents/{id}/comments", this::commentsApi);
    app.post("/api/v1/incidents/{id}/comments", this::commentApi);
    app.get("/api/v1/incidents/{id}/history", this::historyApi);
    app.get("/api/v1/audit", this::auditApi);
    app.get("/api/v1/audit.csv", this::auditCsv);
    app.get("/api/v1/rules/precision", this::rulePrecisionApi);
    app.get("/api/v1/training-data", this::trainingData);
  }

  // ---------------------------------------------------------------- API

  private void listIncidents(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, Role.values());
    QueueParams params = QueueParams.from(ctx, QueueStore.DEFAULT_LIMIT);
    Visibility visibility = visibility(principal);
    IncidentPage page = queue.list(params.filter(), params.order(), params.limit(), params.offset(), visibility);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(incident -> items.add(forViewer(incident.toJson(), principal)));
    body.put("total", page.total());
    ObjectNode counts = body.putObject("counts");
    queue.countsByStatus(params.filter(), visibility).forEach((status, n) -> counts.put(status.label(), n));
    json(ctx, body);
  }

  private void getIncident(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, Role.values());
    QueueStore.Entry entry = visibleEntry(ctx, principal);
    ObjectNode body = entry.incident().toJson();
    entry.statusReason().ifPresent(reason -> body.put("status_reason", reason));
    json(ctx, forViewer(body, principal));
  }

  private void statusApi(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, STAFF);
    JsonNode body = body(ctx);
    IncidentStatus to = status(body.path("status").asText(""));
    Triage.State state = act(() -> triage.changeStatus(principal, incidentId(ctx), to, text(body, "reason")));
    json(ctx, stateJson(state));
  }

  private void assignApi(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, STAFF);
    JsonNode body = body(ctx);
    Triage.State state = act(() -> triage.assign(principal, incidentId(ctx), text(body, "assignee")));
    json(ctx, stateJson(state));
  }

  private void commentsApi(Context ctx) throws SQLException, IOException {
    String id = visibleEntry(ctx, HttpApi.requireRole(ctx, STAFF)).incident().id();
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    triage.comments(id).forEach(comment -> items.add(commentJson(comment)));
    json(ctx, body);
  }

  private void commentApi(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, STAFF);
    JsonNode body = body(ctx);
    Comment comment = act(() -> triage.comment(principal, incidentId(ctx), body.path("body").asText("")));
    json(ctx.status(201), commentJson(comment));
  }

  private void historyApi(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, STAFF);
    String id = visibleEntry(ctx, principal).incident().id();
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode events = body.putArray("events");
    audit.forIncident(id).forEach(event -> events.add(event.toJson()));
    ArrayNode revisions = body.putArray("revisions");
    triage.revisions(id).forEach(revision -> revisions.add(Json.mapper().valueToTree(revision)));
    json(ctx, body);
  }

  private void bulkApi(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, STAFF);
    JsonNode body = body(ctx);
    List<String> ids = new ArrayList<>();
    body.path("ids").forEach(id -> ids.add(id.asText()));
    Triage.BulkAction action = bulkAction(body.path("action").asText(""), body.path("status").asText(""),
        text(body, "reason"), text(body, "assignee"));
    List<Triage.BulkOutcome> outcomes = act(() -> triage.bulk(principal, ids, action));
    ObjectNode result = Json.mapper().createObjectNode();
    ArrayNode items = result.putArray("results");
    for (Triage.BulkOutcome outcome : outcomes) {
      ObjectNode item = items.addObject().put("id", outcome.incidentId()).put("ok", outcome.error().isEmpty());
      outcome.error().ifPresent(error -> item.put("error", error));
    }
    json(ctx, result);
  }

  private void auditApi(Context ctx) throws SQLException, IOException {
    HttpApi.requireRole(ctx, LEADS);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    auditQuery(ctx, 100).forEach(event -> items.add(event.toJson()));
    json(ctx, body);
  }

  private void auditCsv(Context ctx) throws SQLException, IOException {
    Principal principal = HttpApi.requireRole(ctx, LEADS);
    List<AuditEvent> events = auditQuery(ctx, AuditLog.MAX_PAGE);
    audit.record(Triage.actor(principal), "export-audit", Optional.empty(), Optional.empty(),
        Optional.of(Json.mapper().createObjectNode().put("rows", events.size()).put("query", ctx.queryString())));
    StringWriter csv = new StringWriter();
    AuditLog.writeCsv(events, csv);
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"varsel-audit.csv\"")
        .result(csv.toString());
  }

  private void rulePrecisionApi(Context ctx) throws SQLException, IOException {
    HttpApi.requireRole(ctx, STAFF);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    verdicts.rulePrecision().forEach(rule -> items.add(rule.toJson()));
    json(ctx, body);
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

  // ---------------------------------------------------------------- pages

  /** The sign-in form with a fresh CSRF token, bound to the browser by a short-lived cookie (double submit). */
  private void loginPage(Context ctx, int status, Map<String, Object> model) {
    String token = Sessions.random();
    ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; Max-Age=3600; HttpOnly; Secure; "
        + "SameSite=Strict");
    Map<String, Object> withToken = new HashMap<>(model);
    withToken.put("csrf", token);
    page(ctx.status(status), "login", withToken, null);
  }

  private void login(Context ctx) throws SQLException {
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String formToken = ctx.formParam(CSRF_FIELD);
    if (formToken == null || !sameToken(ctx.cookie(LOGIN_COOKIE), formToken)) {
      loginPage(ctx, 403, Map.of("error", "This sign-in form has expired or did not come from the desk; sign in again.",
          "username", username));
      return;
    }
    OptionalLong wait = throttle.attempt(username, ctx.ip());
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      loginPage(ctx, 429, Map.of("error", "Too many sign-in attempts. Try again in " + wait.getAsLong()
          + " seconds.", "username", username));
      return;
    }
    Optional<Sessions.Started> started = username.length() > 63 ? Optional.empty()
        : sessions.login(username, password.toCharArray());
    if (started.isEmpty()) {
      audit.record(username.isEmpty() ? "(none)" : username.substring(0, Math.min(63, username.length())),
          "login-failed", Optional.empty(), Optional.empty(), Optional.empty());
      loginPage(ctx, 401, Map.of("error", "Wrong username or password.", "username", username));
      return;
    }
    audit.record(username, "login", Optional.empty(), Optional.empty(), Optional.empty());
    ctx.header("Set-Cookie", COOKIE + "=" + started.get().cookie() + "; Path=/; Max-Age="
        + Sessions.LIFETIME.toSeconds() + "; HttpOnly; Secure; SameSite=Strict");
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    requireFormToken(ctx, session);
    sessions.logout(ctx.cookie(COOKIE));
    audit.record(session.username(), "logout", Optional.empty(), Optional.empty(), Optional.empty());
    ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void queuePage(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    Principal principal = session.principal();
    QueueParams params = pageParams(ctx, session);
    Visibility visibility = visibility(principal);
    IncidentPage page = queue.list(params.filter(), params.order(), params.limit(), params.offset(), visibility);
    List<Map<String, Object>> rows = new ArrayList<>();
    Instant now = Instant.now();
    for (QueuedIncident incident : page.items()) {
      ObjectNode shown = forViewer(incident.toJson(), principal);
      Map<String, Object> row = map(shown);
      row.put("sensitive", Wellness.sensitive(shown));
      row.put("age", RelativeTime.ago(shown.path("first_seen").asText(""), now).orElse(""));
      row.put("activity", RelativeTime.ago(shown.path("last_seen").asText(""), now).orElse(""));
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
    model.put("statuses", labels(IncidentStatus.values()));
    model.put("kinds", List.of(IncidentKind.values()).stream().map(IncidentKind::label).toList());
    model.put("tiers", List.of(Tier.values()).stream().map(Tier::label).toList());
    model.put("from", page.total() == 0 ? 0 : params.offset() + 1);
    model.put("to", params.offset() + page.items().size());
    model.put("previous", params.offset() > 0 ? withOffset(ctx, Math.max(0, params.offset() - params.limit())) : "");
    model.put("next", params.offset() + page.items().size() < page.total()
        && params.offset() + params.limit() <= QueueParams.MAX_OFFSET
        ? withOffset(ctx, params.offset() + params.limit()) : "");
    model.put("back", ctx.queryString() == null ? "/" : "/?" + ctx.queryString());
    page(ctx, "queue", model, session);
  }

  private void incidentPage(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    Principal principal = session.principal();
    QueueStore.Entry entry = queue.find(incidentId(ctx), visibility(principal))
        .orElseThrow(() -> new PageError(404, "No such incident.", session));
    QueuedIncident incident = entry.incident();
    ObjectNode json = incident.toJson();
    String mergedInto = json.path("merged_into").asText("");
    if (!mergedInto.isEmpty() && ctx.queryParam("stay") == null) {
      // merged into a campaign: the campaign stands for it; its own page (history, verdicts, comments) stays reachable
      ctx.redirect("/incidents/" + mergedInto + "?from=" + incident.id(), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    entry.statusReason().ifPresent(reason -> json.put("status_reason", reason));
    ObjectNode shown = forViewer(json, principal);
    boolean sensitive = Wellness.sensitive(shown);
    boolean staff = principal.role() != Role.PARTNER;

    List<Map<String, Object>> signals = new ArrayList<>();
    for (JsonNode signal : shown.path("evidence").path("signals")) {
      Map<String, Object> view = map((ObjectNode) signal);
      view.put("segments", Highlighter.segments(signal.path("text").asText(""), signal.path("matched_terms")));
      view.put("sensitive", Wellness.sensitive(signal, sensitive));
      signals.add(view);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("incident", map(shown));
    model.put("signals", signals);
    model.put("sensitive", sensitive);
    model.put("timeline", TimelineChart.of(shown.path("evidence").path("timeline")));
    if (shown.path("trend").isObject()) {
      model.put("trend", EarlyWarningChart.of(shown.path("trend")));
    }
    model.put("coordination", map(shown.path("evidence").path("coordination").isObject()
        ? (ObjectNode) shown.path("evidence").path("coordination") : Json.mapper().createObjectNode()));
    JsonNode findings = shown.path("findings");
    if (findings.isArray() && !findings.isEmpty()) {
      model.put("network", CampaignNetwork.of(findings));
      model.put("accountShares", CampaignNetwork.accountShares(findings, shown.path("evidence").path("account_posts"),
          shown.path("signal_count").asInt()));
      List<Map<String, Object>> findingViews = new ArrayList<>();
      for (JsonNode finding : findings) {
        Map<String, Object> view = map((ObjectNode) finding);
        view.put("chart", TimelineChart.of(finding.path("timeline")));
        findingViews.add(view);
      }
      model.put("findings", findingViews);
    }
    model.put("mergedFrom", queue.mergedInto(incident.id(), visibility(principal)).stream()
        .map(merged -> map(forViewer(merged.incident().toJson(), principal))).toList());
    model.put("redirectedFrom", ctx.queryParam("from"));
    model.put("related", queue.related(incident, visibility(principal)).stream()
        .map(related -> map(forViewer(related.toJson(), principal))).toList());
    model.put("staff", staff);
    if (staff) {
      model.put("comments", triage.comments(incident.id()));
      model.put("history", history(incident.id()));
      model.put("nextStatuses", Workflow.next(incident.status(), principal.role()).stream()
          .map(next -> Map.of("status", next.label(), "label", actionLabel(incident.status(), next))).toList());
      model.put("users", principal.role() == Role.ANALYST ? List.of(principal.name()) : triage.assignableUsers());
    }
    page(ctx, "incident", model, session);
  }

  private void statusForm(Context ctx) throws SQLException {
    Sessions.Session session = staffForm(ctx);
    String id = incidentId(ctx);
    IncidentStatus to = IncidentStatus.fromLabel(Optional.ofNullable(ctx.formParam("status")).orElse(""))
        .orElseThrow(() -> new PageError(400, "Unknown status.", session));
    actOnOpenPage(session, id, () -> triage.changeStatus(session.principal(), id, to,
        Optional.ofNullable(ctx.formParam("reason"))));
    ctx.redirect("/incidents/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void assignForm(Context ctx) throws SQLException {
    Sessions.Session session = staffForm(ctx);
    String id = incidentId(ctx);
    actOnOpenPage(session, id, () -> triage.assign(session.principal(), id, Optional.ofNullable(ctx.formParam("assignee"))));
    ctx.redirect("/incidents/" + id, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void commentForm(Context ctx) throws SQLException {
    Sessions.Session session = staffForm(ctx);
    String id = incidentId(ctx);
    formAct(session, () -> triage.comment(session.principal(), id, ctx.formParam("body")));
    ctx.redirect("/incidents/" + id + "#comments", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void bulkForm(Context ctx) throws SQLException {
    Sessions.Session session = staffForm(ctx);
    String action = Optional.ofNullable(ctx.formParam("action")).orElse("");
    List<Triage.BulkOutcome> outcomes = formAct(session, () -> triage.bulk(session.principal(), ctx.formParams("ids"),
        action.equals("assign-me")
            ? bulkAction("assign", "", Optional.empty(), Optional.of(session.username()))
            : bulkAction("status", action, Optional.ofNullable(ctx.formParam("reason")), Optional.empty())));
    // every incident's outcome, refusals with their reason: a bulk action that did nothing must say so
    Map<String, Object> model = new HashMap<>();
    model.put("results", outcomes.stream().map(o -> Map.of("id", o.incidentId(), "error", o.error().orElse(""))).toList());
    model.put("done", outcomes.stream().filter(o -> o.error().isEmpty()).count());
    model.put("action", action);
    model.put("back", back(ctx));
    page(ctx, "bulk-results", model, session);
  }

  private void greyscaleForm(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    requireFormToken(ctx, session);
    boolean on = "on".equals(ctx.formParam("greyscale"));
    sessions.setGreyscale(session.username(), on);
    audit.record(session.username(), "preference", Optional.empty(), Optional.of(Json.mapper().createObjectNode()
        .put("greyscale", session.greyscale())), Optional.of(Json.mapper().createObjectNode().put("greyscale", on)));
    ctx.redirect(back(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void acknowledgeAlertForm(Context ctx) throws SQLException {
    Sessions.Session session = staffForm(ctx);
    String id = ctx.pathParam("id");
    if (INCIDENT_ID.matcher(id).matches()) {
      alerts.acknowledge(id, session.username());
    }
    ctx.redirect(back(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** The threat-to-life alerts no analyst has acknowledged: the banner on every page until one does. */
  private List<Map<String, Object>> openAlerts() {
    try {
      return alerts.unacknowledged().stream().map(alert -> Map.<String, Object>of(
          "id", alert.incidentId(), "title", alert.title() == null ? alert.incidentId() : alert.title(),
          "severity", alert.severity(), "raisedAt", alert.raisedAt().toString())).toList();
    } catch (SQLException e) {
      // the banner must not hide a threat: say it could not look rather than show nothing
      LOG.warn("cannot read threat-to-life alerts for the banner: {}", e.toString());
      return List.of(Map.of("id", "", "title", "Threat-to-life alerts could not be read; check the queue",
          "severity", 0, "raisedAt", ""));
    }
  }

  private void auditPage(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    if (!Set.of(LEADS).contains(session.role())) {
      throw new PageError(403, "The audit log is for leads and admins.", session);
    }
    Map<String, Object> model = new HashMap<>();
    model.put("events", auditQuery(ctx, 200));
    model.put("filter", filterModel(ctx));
    model.put("csv", "/api/v1/audit.csv" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
    page(ctx, "audit", model, session);
  }

  private void rulesPage(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    if (session.role() == Role.PARTNER) {
      throw new PageError(403, "Rule precision is for the desk's staff.", session);
    }
    page(ctx, "rules", Map.of("rules", verdicts.rulePrecision(),
        "canExport", Set.of(LEADS).contains(session.role())), session);
  }

  private void staticFile(Context ctx) throws IOException {
    String file = ctx.pathParam("file");
    String type = STATIC.get(file);
    if (type == null) {
      throw Problem.notFound("no such file");
    }
    try (InputStream in = TriageWeb.class.getClassLoader().getResourceAsStream("web/static/" + file)) {
      if (in == null) {
        throw Problem.notFound("no such file");
      }
      ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
    }
  }

  // ---------------------------------------------------------------- helpers

  private Optional<Sessions.Session> session(Context ctx) throws SQLException {
    String cookie = ctx.cookie(COOKIE);
    return cookie == null ? Optional.empty() : sessions.find(cookie);
  }

  private Sessions.Session pageSession(Context ctx) throws SQLException {
    return session(ctx).orElseThrow(NeedsLogin::new);
  }

  private Sessions.Session staffForm(Context ctx) throws SQLException {
    Sessions.Session session = pageSession(ctx);
    requireFormToken(ctx, session);
    if (session.role() == Role.PARTNER) {
      throw new PageError(403, "Partners do not triage.", session);
    }
    return session;
  }

  private static void requireFormToken(Context ctx, Sessions.Session session) {
    if (!sameToken(ctx.formParam(CSRF_FIELD), session.csrfToken())) {
      throw new PageError(403, "This form has expired or did not come from the desk; reload the page and retry.",
          session);
    }
  }

  /** Where a form sends the browser back to: a path on this desk only, never another site. */
  private static String back(Context ctx) {
    String back = Optional.ofNullable(ctx.formParam("back")).orElse("/");
    return SAFE_BACK.matcher(back).matches() && !back.startsWith("//") ? back : "/";
  }

  static boolean sameToken(String given, String expected) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isSafe(Context ctx) {
    String method = ctx.method().name();
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  private QueueParams pageParams(Context ctx, Sessions.Session session) {
    try {
      return QueueParams.from(ctx, QUEUE_PAGE);
    } catch (Problem bad) {
      throw new PageError(400, bad.getMessage(), session);
    }
  }

  private QueueStore.Entry visibleEntry(Context ctx, Principal principal) throws SQLException {
    // Unknown and not visible look the same: a partner learns nothing about others' incidents.
    return queue.find(incidentId(ctx), visibility(principal))
        .orElseThrow(() -> Problem.notFound("no such incident"));
  }

  private static String incidentId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!INCIDENT_ID.matcher(id).matches()) {
      throw Problem.notFound("no such incident");
    }
    return id;
  }

  private static Visibility visibility(Principal principal) {
    return principal.partnerId().map(Visibility::partner).orElseGet(Visibility::all);
  }

  private static ObjectNode forViewer(ObjectNode incident, Principal principal) {
    return principal.role() == Role.PARTNER && principal.partnerId().isPresent()
        ? PartnerView.of(incident, principal.partnerId().get())
        : incident;
  }

  private List<AuditEvent> auditQuery(Context ctx, int defaultLimit) throws SQLException {
    String before = ctx.queryParam("before");
    Optional<Long> beforeId;
    try {
      beforeId = before == null || before.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(before));
    } catch (NumberFormatException e) {
      throw Problem.badRequest("before must be an audit event id");
    }
    return audit.list(new AuditLog.Query(QueueParams.word(ctx, "actor"), QueueParams.word(ctx, "action"),
        QueueParams.word(ctx, "incident"), QueueParams.time(ctx, "from", false), QueueParams.time(ctx, "to", true),
        beforeId, QueueParams.intParam(ctx, "limit", defaultLimit, 1, AuditLog.MAX_PAGE)));
  }

  private List<Map<String, Object>> history(String incidentId) throws SQLException {
    List<Map<String, Object>> history = new ArrayList<>();
    for (Revision revision : triage.revisions(incidentId)) {
      Map<String, Object> item = new HashMap<>();
      item.put("at", revision.storedAt().toString());
      item.put("who", "pipeline");
      item.put("what", "version " + revision.version());
      item.put("detail", "tier " + revision.tier() + ", severity " + revision.severity() + ", "
          + revision.signalCount() + " signals");
      history.add(item);
    }
    for (AuditEvent event : audit.forIncident(incidentId)) {
      Map<String, Object> item = new HashMap<>();
      item.put("at", event.at().toString());
      item.put("who", event.actor());
      item.put("what", event.action());
      item.put("detail", (event.before().isPresent() ? event.beforeText() + " → " : "") + event.afterText());
      history.add(item);
    }
    history.sort((a, b) -> ((String) a.get("at")).compareTo((String) b.get("at")));
    return history;
  }

  /** What the button that moves an incident to this status says. */
  private static String actionLabel(IncidentStatus from, IncidentStatus to) {
    return switch (to) {
      case NEW -> "Back to new";
      case TRIAGING -> from == IncidentStatus.NEW ? "Start triage" : "Reopen";
      case CONFIRMED -> "Confirm";
      case DISMISSED -> "Dismiss";
      case ESCALATED -> "Escalate";
      case CLOSED -> "Close";
    };
  }

  private static Triage.BulkAction bulkAction(String action, String status, Optional<String> reason,
      Optional<String> assignee) {
    if (action.equals("assign")) {
      return (triage, who, id) -> triage.assign(who, id, assignee);
    }
    if (action.equals("status") || IncidentStatus.fromLabel(action).isPresent()) {
      IncidentStatus to = IncidentStatus.fromLabel(status.isEmpty() ? action : status)
          .orElseThrow(() -> Problem.badRequest("status must be one of " + labels(IncidentStatus.values())));
      return (triage, who, id) -> triage.changeStatus(who, id, to, reason);
    }
    throw Problem.badRequest("action must be status or assign");
  }

  private static IncidentStatus status(String label) {
    return IncidentStatus.fromLabel(label)
        .orElseThrow(() -> Problem.badRequest("status must be one of " + labels(IncidentStatus.values())));
  }

  private static List<String> labels(IncidentStatus[] statuses) {
    return List.of(statuses).stream().map(IncidentStatus::label).toList();
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = Json.mapper().readTree(ctx.bodyAsBytes());
      if (body == null || !body.isObject()) {
        throw Problem.badRequest("the body must be a JSON object");
      }
      return StorableText.clean(body);
    } catch (JsonProcessingException e) {
      throw Problem.badRequest("the body is not JSON");
    } catch (IOException e) {
      // the body could not be read (it stalled or ended early): HttpApi answers that, not "not JSON"
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  private static ObjectNode stateJson(Triage.State state) {
    ObjectNode json = Json.mapper().createObjectNode();
    json.put("status", state.status().label());
    json.put("assignee", state.assignee().orElse(null));
    json.put("reason", state.reason().orElse(null));
    return json;
  }

  private static ObjectNode commentJson(Comment comment) {
    return Json.mapper().createObjectNode().put("id", comment.id()).put("author", comment.author())
        .put("body", comment.body()).put("created_at", comment.createdAt().toString());
  }

  private static void json(Context ctx, JsonNode body) throws IOException {
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(ObjectNode node) {
    return Json.mapper().convertValue(node, Map.class);
  }

  private Map<String, String> filterModel(Context ctx) {
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
      if (!key.equals(name) && !(key.equals("offset") && !name.equals("offset")) && !values.isEmpty()
          && !values.get(0).isEmpty()) {
        query.append(encode(key)).append('=').append(encode(values.get(0))).append('&');
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

  private void page(Context ctx, String template, Map<String, Object> model, Sessions.Session session) {
    Map<String, Object> all = new HashMap<>(model);
    if (session != null) {
      all.put("user", session.username());
      all.put("role", session.role().label());
      all.put("csrf", session.csrfToken());
      all.put("greyscale", session.greyscale());
      all.put("isLead", Set.of(LEADS).contains(session.role()));
      all.put("isPartner", session.role() == Role.PARTNER);
      all.put("here", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
      if (session.role() != Role.PARTNER) {
        all.put("pipeline", pipeline.get().toView());
        all.put("alerts", openAlerts());
      }
    }
    ctx.header("Content-Security-Policy", CSP)
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .html(views.render(template, all));
  }

  private <T> T act(Action<T> action) throws SQLException {
    try {
      return action.run();
    } catch (TriageException refused) {
      throw switch (refused.kind()) {
        case NOT_FOUND -> Problem.notFound(refused.getMessage());
        case INVALID -> Problem.badRequest(refused.getMessage());
        case FORBIDDEN -> Problem.forbidden(refused.getMessage());
        case CONFLICT -> Problem.conflict(refused.getMessage());
      };
    }
  }

  private <T> T formAct(Sessions.Session session, Action<T> action) throws SQLException {
    try {
      return action.run();
    } catch (TriageException refused) {
      int status = switch (refused.kind()) {
        case NOT_FOUND -> 404;
        case INVALID -> 400;
        case FORBIDDEN -> 403;
        case CONFLICT -> 409;
      };
      throw new PageError(status, refused.getMessage(), session);
    } catch (Problem bad) {
      throw new PageError(bad.status(), bad.getMessage(), session);
    }
  }

  /**
   * A triage form sent from an incident page: when the step is refused because a colleague changed the incident
   * since the page was drawn, the answer says who changed what (a bare 403 after a colleague's dismissal told nothing).
   */
  private void actOnOpenPage(Sessions.Session session, String id, Action<?> action) throws SQLException {
    try {
      formAct(session, action);
    } catch (PageError refused) {
      Optional<AuditEvent> colleagues = audit.forIncident(id).stream()
          .filter(e -> !e.actor().equals(session.username()) && (e.action().equals("status") || e.action().equals("assign")))
          .reduce((earlier, later) -> later);
      if (refused.status != 403 && refused.status != 409 || colleagues.isEmpty()) {
        throw refused;
      }
      throw new PageError(refused.status, refused.getMessage() + ". Meanwhile " + colleagues.get().summary()
          + ": reload the incident to see it as it is now.", session);
    }
  }

  @FunctionalInterface
  private interface Action<T> {
    T run() throws SQLException, TriageException;
  }

  /** Ends a page request that has no session: the browser goes to the login page. */
  private static final class NeedsLogin extends RuntimeException {
    NeedsLogin() {
      super("no session", null, false, false);
    }
  }

  /** Ends a page request with an HTML error page. */
  private static final class PageError extends RuntimeException {
    private final int status;
    private final transient Sessions.Session session;

    PageError(int status, String message, Sessions.Session session) {
      super(message, null, false, false);
      this.status = status;
      this.session = session;
    }
  }
}
