package org.varsel.desk.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.brief.BriefService;
import org.varsel.desk.brief.model.BriefFormat;
import org.varsel.desk.brief.model.Track;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.brief.store.ResponseAction;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;

/**
 * Escalation in the desk: the brief dialog of an incident (track, audience, preview, downloads, "mark as sent"), the
 * case pages where an analyst records what the platform did, and the cases API. Partners see only the outcome of the
 * cases their signals fed. docs/briefs.md "Escalation and cases".
 */
public final class EscalationRoutes implements RouteGroup {
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};
    private static final Pattern CASE_ID = Pattern.compile("case-[0-9a-f-]{36}");
    private static final Pattern BRIEF_ID = Pattern.compile("brf-[0-9a-f-]{36}");
    private static final int MAX_CASES = 500;
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final BriefService briefs;
    private final BriefStore briefStore;
    private final IncidentStore incidents;
    private final Cases cases;
    private final SignedInPage pages;

    public EscalationRoutes(
            BriefService briefs, BriefStore briefStore, IncidentStore incidents, Cases cases, Sessions sessions) {
        this.briefs = briefs;
        this.briefStore = briefStore;
        this.incidents = incidents;
        this.cases = cases;
        this.pages = new SignedInPage(sessions);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/incidents/{id}/brief", this::briefDialog);
        app.post("/incidents/{id}/brief/sent", this::sentForm);
        app.get("/cases", this::casesPage);
        app.get("/cases/{id}", this::casePage);
        app.post("/cases/{id}/responses", this::responseForm);

        app.post("/api/v1/briefs/{id}/sent", this::sentApi);
        app.get("/api/v1/cases", this::casesApi);
        app.get("/api/v1/cases/{id}", this::caseApi);
        app.post("/api/v1/cases/{id}/events", this::eventApi);
    }

    // ---------------------------------------------------------------- pages

    private void briefDialog(Context ctx) throws SQLException {
        Optional<Page> page = staffPage(ctx, "Briefs");
        if (page.isEmpty()) {
            return;
        }
        Map<String, Object> model = page.get().model();
        QueuedIncident incident = incident(ctx, model).orElse(null);
        if (incident == null) {
            return;
        }
        List<String> audiences = new ArrayList<>();
        incident.payload().path("platforms").forEach(p -> audiences.add("platform:" + p.asText()));
        briefStore.activePartners().forEach(p -> audiences.add("partner:" + p));
        Optional<Track> track =
                Track.fromLabel(Optional.ofNullable(ctx.queryParam("track")).orElse(""));
        String audience = Optional.ofNullable(ctx.queryParam("audience"))
                .filter(audiences::contains)
                .orElse(audiences.isEmpty() ? "" : audiences.get(0));
        model.put("incidentId", incident.id());
        model.put("incidentTitle", incident.payload().path("title").asText(incident.id()));
        model.put("audiences", audiences);
        model.put("audience", audience);
        model.put("track", track.map(Track::label).orElse("dsa"));
        model.put("cases", caseViews(cases.store().forIncident(incident.id())));
        if (track.isPresent() && !audience.isEmpty()) {
            try {
                BriefService.IssuedBrief preview = briefs.forIncident(
                        incident.id(),
                        BriefFormat.HTML,
                        track.get(),
                        Optional.of(audience),
                        page.get().session().username());
                model.put("briefId", preview.record().id());
                model.put("briefTlp", preview.record().tlp().label());
                model.put("preview", body(new String(preview.bytes(), StandardCharsets.UTF_8)));
                model.put("toPlatform", preview.record().platform().isPresent());
                String query = "track=" + track.get().label() + "&audience="
                        + URLEncoder.encode(audience, StandardCharsets.UTF_8);
                List<Map<String, String>> downloads = new ArrayList<>();
                for (BriefFormat format : List.of(BriefFormat.PDF, BriefFormat.MD, BriefFormat.JSON)) {
                    downloads.add(Map.of(
                            "label",
                            format.label().toUpperCase(java.util.Locale.ROOT),
                            "id",
                            "download-" + format.label(),
                            "href",
                            "/api/v1/incidents/" + incident.id() + "/brief?" + query + "&format=" + format.label()));
                }
                model.put("downloads", downloads);
            } catch (Problem refused) {
                model.put("refused", refused.detail());
            }
        }
        pages.render(ctx, "brief-dialog", model);
    }

    private void sentForm(Context ctx) throws SQLException {
        Optional<Page> page = staffPage(ctx, "Briefs");
        if (page.isEmpty()
                || pages.refusedForgedForm(ctx, page.get().session(), page.get().model())) {
            return;
        }
        String briefId = Optional.ofNullable(ctx.formParam("brief_id")).orElse("");
        try {
            if (!BRIEF_ID.matcher(briefId).matches()) {
                throw Problem.badRequest("no brief to mark sent: preview one first");
            }
            List<NoticeCase> opened =
                    cases.markSent(briefId, page.get().session().username());
            ctx.redirect("/cases/" + opened.get(0).id(), HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            error(ctx, page.get().model(), refused);
        }
    }

    private void casesPage(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return;
        }
        Map<String, Object> model = pages.model(ctx, session.get());
        Principal principal = session.get().principal();
        List<NoticeCase> listed = principal.role() == Role.PARTNER
                ? cases.store().fedBy(principal.partnerId().orElse(""), MAX_CASES)
                : cases.store().all(MAX_CASES);
        model.put("cases", caseViews(listed));
        pages.render(ctx, "cases", model);
    }

    private void casePage(Context ctx) throws SQLException {
        Optional<Page> page = staffPage(ctx, "Cases");
        if (page.isEmpty()) {
            return;
        }
        Map<String, Object> model = page.get().model();
        Optional<NoticeCase> found = findCase(ctx);
        if (found.isEmpty()) {
            error(ctx, model, Problem.notFound("No such case."));
            return;
        }
        NoticeCase shown = found.get();
        model.put("case", caseView(shown));
        List<Map<String, Object>> history = new ArrayList<>();
        for (CaseEvent event : cases.store().events(shown.id())) {
            CaseStep step = event.step();
            Map<String, Object> view = new HashMap<>();
            view.put("status", step.status().label());
            view.put("outcome", step.outcome().map(ResponseAction::label).orElse(""));
            view.put("briefId", step.briefId().orElse(""));
            view.put("note", step.note().orElse(""));
            view.put("happenedAt", WHEN.format(step.happenedAt()));
            view.put("recordedBy", event.recordedBy());
            history.add(view);
        }
        model.put("history", history);
        Map<String, UrlCheck> checks = new HashMap<>();
        cases.store().latestChecks(shown.id()).forEach(check -> checks.put(check.url(), check));
        List<Map<String, String>> urls = new ArrayList<>();
        for (CaseStore.ReportedUrl url : cases.store().urls(shown.id())) {
            UrlCheck check = checks.get(url.url());
            urls.add(Map.of(
                    "url",
                    url.url(),
                    "check",
                    check == null ? "not checked yet" : check.summary(),
                    "checkedAt",
                    check == null ? "" : WHEN.format(check.checkedAt())));
        }
        model.put("urls", urls);
        model.put(
                "nextStatuses",
                shown.status().next().stream().map(CaseStatus::label).sorted().toList());
        model.put(
                "outcomes",
                Arrays.stream(ResponseAction.values())
                        .filter(ResponseAction::isDecision)
                        .map(ResponseAction::label)
                        .toList());
        model.put("today", LocalDate.now(ZoneOffset.UTC).toString());
        pages.render(ctx, "case", model);
    }

    private void responseForm(Context ctx) throws SQLException {
        Optional<Page> page = staffPage(ctx, "Cases");
        if (page.isEmpty()
                || pages.refusedForgedForm(ctx, page.get().session(), page.get().model())) {
            return;
        }
        try {
            String caseId = caseId(ctx).orElseThrow(() -> Problem.notFound("No such case."));
            cases.record(
                    caseId,
                    status(ctx.formParam("status")),
                    outcome(ctx.formParam("outcome")),
                    RequestParams.instant(
                            Optional.ofNullable(ctx.formParam("answered_on")).orElse(""), "answered on"),
                    Optional.ofNullable(ctx.formParam("note")),
                    page.get().session().username());
            ctx.redirect("/cases/" + caseId, HttpStatus.SEE_OTHER);
        } catch (Problem refused) {
            error(ctx, page.get().model(), refused);
        }
    }

    // ---------------------------------------------------------------- API

    private void sentApi(Context ctx) throws SQLException {
        Principal by = HttpApi.requireRole(ctx, STAFF);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("cases");
        cases.markSent(ctx.pathParam("id"), by.name()).forEach(c -> items.add(caseJson(c, true)));
        ctx.status(201).contentType("application/json").result(body.toString());
    }

    private void casesApi(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, Role.values());
        boolean partner = principal.role() == Role.PARTNER;
        List<NoticeCase> listed = partner
                ? cases.store().fedBy(principal.partnerId().orElse(""), MAX_CASES)
                : cases.store().all(MAX_CASES);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        listed.forEach(c -> items.add(caseJson(c, !partner)));
        ctx.contentType("application/json").result(body.toString());
    }

    private void caseApi(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, STAFF);
        NoticeCase found = findCase(ctx).orElseThrow(() -> Problem.notFound("no such case"));
        ObjectNode body = caseJson(found, true);
        ArrayNode history = body.putArray("history");
        for (CaseEvent event : cases.store().events(found.id())) {
            CaseStep step = event.step();
            ObjectNode e = history.addObject()
                    .put("status", step.status().label())
                    .put("happened_at", step.happenedAt().toString())
                    .put("recorded_by", event.recordedBy())
                    .put("recorded_at", event.recordedAt().toString());
            step.outcome().ifPresent(o -> e.put("outcome", o.label()));
            step.briefId().ifPresent(b -> e.put("brief_id", b));
            step.note().ifPresent(n -> e.put("note", n));
        }
        ArrayNode checks = body.putArray("url_checks");
        for (UrlCheck check : cases.store().latestChecks(found.id())) {
            ObjectNode c = checks.addObject()
                    .put("url", check.url())
                    .put("checked_at", check.checkedAt().toString());
            check.httpStatus().ifPresent(s -> c.put("http_status", s));
            check.error().ifPresent(e -> c.put("error", e));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void eventApi(Context ctx) throws SQLException {
        Principal by = HttpApi.requireRole(ctx, STAFF);
        String caseId = caseId(ctx).orElseThrow(() -> Problem.notFound("no such case"));
        JsonNode body = JsonBody.object(ctx);
        NoticeCase moved = cases.record(
                caseId,
                status(body.path("status").asText("")),
                outcome(body.path("outcome").asText(null)),
                RequestParams.instant(body.path("happened_at").asText(""), "happened_at"),
                Optional.ofNullable(body.path("note").asText(null)),
                by.name());
        ctx.status(201)
                .contentType("application/json")
                .result(caseJson(moved, true).toString());
    }

    // ---------------------------------------------------------------- helpers

    /** A signed-in staff member's page and its layout model; empty once the caller was redirected or refused. */
    private record Page(Sessions.Session session, Map<String, Object> model) {}

    private Optional<Page> staffPage(Context ctx, String what) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = pages.model(ctx, session.get());
        return pages.refusedToPartner(ctx, session.get(), model, what)
                ? Optional.empty()
                : Optional.of(new Page(session.get(), model));
    }

    private Optional<QueuedIncident> incident(Context ctx, Map<String, Object> model) throws SQLException {
        String id = ctx.pathParam("id");
        Optional<QueuedIncident> found = RequestParams.INCIDENT_ID.matcher(id).matches()
                ? incidents.find(id, Visibility.all())
                : Optional.empty();
        if (found.isEmpty()) {
            error(ctx, model, Problem.notFound("No such incident."));
        }
        return found;
    }

    private Optional<NoticeCase> findCase(Context ctx) throws SQLException {
        Optional<String> id = caseId(ctx);
        return id.isEmpty() ? Optional.empty() : cases.store().find(id.get());
    }

    private static Optional<String> caseId(Context ctx) {
        String id = ctx.pathParam("id");
        return CASE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

    private void error(Context ctx, Map<String, Object> model, Problem problem) {
        model.put("message", problem.detail());
        model.put("status", problem.status());
        pages.render(ctx.status(problem.status()), "error", model);
    }

    /** A brief page's body: the brief is escaped XHTML, its styles stay out (the desk's own apply). */
    private static String body(String html) {
        int start = html.indexOf("<body>");
        int end = html.lastIndexOf("</body>");
        return start < 0 || end < start ? "" : html.substring(start + "<body>".length(), end);
    }

    private static List<Map<String, Object>> caseViews(List<NoticeCase> listed) {
        return listed.stream().map(EscalationRoutes::caseView).toList();
    }

    private static Map<String, Object> caseView(NoticeCase c) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", c.id());
        view.put("incidentId", c.incidentId());
        view.put("platform", c.platform());
        view.put("status", c.status().label());
        view.put("outcome", c.outcome().map(ResponseAction::label).orElse(""));
        view.put("openedAt", WHEN.format(c.openedAt()));
        view.put("updatedAt", WHEN.format(c.updatedAt()));
        return view;
    }

    /** A case as JSON; a partner sees what happened (platform, status, outcome, dates), not who or which incident. */
    private static ObjectNode caseJson(NoticeCase c, boolean staff) {
        ObjectNode json = Json.mapper()
                .createObjectNode()
                .put("id", c.id())
                .put("platform", c.platform())
                .put("status", c.status().label())
                .put("opened_at", c.openedAt().toString())
                .put("updated_at", c.updatedAt().toString());
        c.outcome().ifPresent(o -> json.put("outcome", o.label()));
        if (staff) {
            json.put("incident_id", c.incidentId()).put("opened_by", c.openedBy());
        }
        return json;
    }

    private static CaseStatus status(String label) {
        return CaseStatus.fromLabel(label == null ? "" : label)
                .filter(s -> s != CaseStatus.SENT)
                .orElseThrow(() -> Problem.badRequest("status must be one of acknowledged, actioned, appealed, closed "
                        + "(a case is sent by marking a brief sent)"));
    }

    private static Optional<ResponseAction> outcome(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ResponseAction.fromLabel(label)
                .filter(ResponseAction::isDecision)
                .orElseThrow(() -> Problem.badRequest("outcome must be removed, restricted, labelled or no-action")));
    }
}
