package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.alert.Alerts;
import org.varsel.desk.audit.AuditEvent;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.http.RequestParams;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.triage.PartnerView;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.Workflow;
import org.varsel.desk.triage.http.Refusals;

/**
 * An incident's page (evidence, charts, campaign network, history, comments) and the forms on it that change its
 * status, assignee and comments; and the acknowledgement of a threat-to-life alert from the banner.
 */
public record IncidentPages(QueueStore queue, Triage triage, AuditLog audit, Alerts alerts, AnalystPages pages)
        implements RouteGroup {
    @Override
    public void addTo(Javalin app) {
        app.get("/incidents/{id}", this::incidentPage);
        app.post("/incidents/{id}/status", this::statusForm);
        app.post("/incidents/{id}/assign", this::assignForm);
        app.post("/incidents/{id}/comments", this::commentForm);
        app.post("/alerts/{id}/acknowledge", this::acknowledgeAlertForm);
    }

    private void incidentPage(Context ctx) throws SQLException {
        Sessions.Session session = pages.session(ctx);
        Principal principal = session.principal();
        QueueStore.Entry entry = queue.find(RequestParams.incidentId(ctx), Visibility.of(principal))
                .orElseThrow(() -> new AnalystPages.PageError(404, "No such incident.", session));
        QueuedIncident incident = entry.incident();
        ObjectNode json = incident.toJson();
        String mergedInto = json.path("merged_into").asText("");
        if (!mergedInto.isEmpty() && ctx.queryParam("stay") == null) {
            // merged into a campaign: the campaign stands for it; its own page (history, verdicts, comments) stays
            // reachable
            ctx.redirect("/incidents/" + mergedInto + "?from=" + incident.id(), HttpStatus.SEE_OTHER);
            return;
        }
        entry.statusReason().ifPresent(reason -> json.put("status_reason", reason));
        ObjectNode shown = PartnerView.forViewer(json, principal);
        boolean sensitive = Wellness.sensitive(shown);
        boolean staff = principal.role() != Role.PARTNER;

        List<Map<String, Object>> signals = new ArrayList<>();
        for (JsonNode signal : shown.path("evidence").path("signals")) {
            Map<String, Object> view = AnalystPages.map((ObjectNode) signal);
            view.put("segments", Highlighter.segments(signal.path("text").asText(""), signal.path("matched_terms")));
            view.put("sensitive", Wellness.sensitive(signal, sensitive));
            signals.add(view);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("incident", AnalystPages.map(shown));
        model.put("signals", signals);
        model.put("sensitive", sensitive);
        model.put("timeline", TimelineChart.of(shown.path("evidence").path("timeline")));
        if (shown.path("trend").isObject()) {
            model.put("trend", EarlyWarningChart.of(shown.path("trend")));
        }
        model.put(
                "coordination",
                AnalystPages.map(
                        shown.path("evidence").path("coordination").isObject()
                                ? (ObjectNode) shown.path("evidence").path("coordination")
                                : Json.mapper().createObjectNode()));
        JsonNode findings = shown.path("findings");
        if (findings.isArray() && !findings.isEmpty()) {
            model.put("network", CampaignNetwork.of(findings));
            model.put(
                    "accountShares",
                    CampaignNetwork.accountShares(
                            findings,
                            shown.path("evidence").path("account_posts"),
                            shown.path("signal_count").asInt()));
            List<Map<String, Object>> findingViews = new ArrayList<>();
            for (JsonNode finding : findings) {
                Map<String, Object> view = AnalystPages.map((ObjectNode) finding);
                view.put("chart", TimelineChart.of(finding.path("timeline")));
                findingViews.add(view);
            }
            model.put("findings", findingViews);
        }
        model.put(
                "mergedFrom",
                queue.mergedInto(incident.id(), Visibility.of(principal)).stream()
                        .map(merged -> AnalystPages.map(
                                PartnerView.forViewer(merged.incident().toJson(), principal)))
                        .toList());
        model.put("redirectedFrom", ctx.queryParam("from"));
        model.put(
                "related",
                queue.related(incident, Visibility.of(principal)).stream()
                        .map(related -> AnalystPages.map(PartnerView.forViewer(related.toJson(), principal)))
                        .toList());
        model.put("staff", staff);
        if (staff) {
            model.put("comments", triage.comments(incident.id()));
            model.put(
                    "history",
                    IncidentHistory.inWords(triage.revisions(incident.id()), audit.forIncident(incident.id())));
            model.put(
                    "nextStatuses",
                    Workflow.next(incident.status(), principal.role()).stream()
                            .map(next -> Map.of("status", next.label(), "label", actionLabel(incident.status(), next)))
                            .toList());
            model.put("users", triage.assignableUsers());
        }
        pages.render(ctx, "incident", model, session);
    }

    private void statusForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.staffForm(ctx);
        String id = RequestParams.incidentId(ctx);
        IncidentStatus to = IncidentStatus.fromLabel(
                        Optional.ofNullable(ctx.formParam("status")).orElse(""))
                .orElseThrow(() -> new AnalystPages.PageError(400, "Unknown status.", session));
        actOnOpenPage(
                session,
                id,
                () -> triage.changeStatus(session.principal(), id, to, Optional.ofNullable(ctx.formParam("reason"))));
        ctx.redirect("/incidents/" + id, HttpStatus.SEE_OTHER);
    }

    private void assignForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.staffForm(ctx);
        String id = RequestParams.incidentId(ctx);
        actOnOpenPage(
                session,
                id,
                () -> triage.assign(session.principal(), id, Optional.ofNullable(ctx.formParam("assignee"))));
        ctx.redirect("/incidents/" + id, HttpStatus.SEE_OTHER);
    }

    /**
     * A triage form sent from an incident page: when the step is refused because a colleague changed the incident
     * since the page was drawn, the answer says who changed what (a bare 403 after a colleague's dismissal told nothing).
     */
    private void actOnOpenPage(Sessions.Session session, String id, Refusals.Action<?> action) throws SQLException {
        try {
            pages.act(session, action);
        } catch (AnalystPages.PageError refused) {
            Optional<AuditEvent> colleagues = audit.forIncident(id).stream()
                    .filter(e -> !e.actor().equals(session.username())
                            && (e.action().equals("status") || e.action().equals("assign")))
                    .reduce((earlier, later) -> later);
            if (refused.status() != 403 && refused.status() != 409 || colleagues.isEmpty()) {
                throw refused;
            }
            throw new AnalystPages.PageError(
                    refused.status(),
                    refused.getMessage() + ". Meanwhile " + IncidentHistory.sentence(colleagues.get())
                            + ": reload the incident to see it as it is now.",
                    session);
        }
    }

    private void commentForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.staffForm(ctx);
        String id = RequestParams.incidentId(ctx);
        pages.act(session, () -> triage.comment(session.principal(), id, ctx.formParam("body")));
        ctx.redirect("/incidents/" + id + "#comments", HttpStatus.SEE_OTHER);
    }

    private void acknowledgeAlertForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.staffForm(ctx);
        String id = ctx.pathParam("id");
        if (RequestParams.INCIDENT_ID.matcher(id).matches()) {
            alerts.acknowledge(id, session.username());
        }
        ctx.redirect(AnalystPages.back(ctx), HttpStatus.SEE_OTHER);
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
}
