package org.varsel.desk.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.alert.Alerts;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.pipeline.PipelineStatus;
import org.varsel.desk.triage.http.Refusals;

/**
 * What the analyst pages share: a page request without a session goes to the login page, a refused one ends on the
 * error page, and staff see the pipeline's status and the unacknowledged threat-to-life alerts on every page.
 */
public final class AnalystPages {
    private static final Logger LOG = LoggerFactory.getLogger(AnalystPages.class);
    private static final Pattern SAFE_BACK = Pattern.compile("/[A-Za-z0-9/?&=%._~+:@,;!*()'-]*");

    private final SignedInPage pages;
    private final Supplier<PipelineStatus> pipeline;
    private final Alerts alerts;

    /**
     * @param pipeline the pipeline's status for the status block staff see on every page
     * @param alerts the threat-to-life alerts for the banner staff see on every page until one acknowledges them
     */
    public AnalystPages(SignedInPage pages, Supplier<PipelineStatus> pipeline, Alerts alerts) {
        this.pages = pages;
        this.pipeline = pipeline;
        this.alerts = alerts;
    }

    /** Answers {@link NeedsLogin} with the login page and {@link PageError} with the error page. */
    void addErrorPagesTo(Javalin app) {
        app.exception(NeedsLogin.class, (e, ctx) -> ctx.redirect("/login", HttpStatus.SEE_OTHER));
        app.exception(
                PageError.class,
                (e, ctx) -> render(
                        ctx.status(e.status),
                        "error",
                        Map.of("message", e.getMessage(), "status", e.status),
                        e.session));
    }

    Optional<Sessions.Session> find(Context ctx) throws SQLException {
        return pages.find(ctx);
    }

    /** The caller's session; without one the request ends at the login page. */
    Sessions.Session session(Context ctx) throws SQLException {
        return pages.find(ctx).orElseThrow(NeedsLogin::new);
    }

    /** The session of a form that must come from the desk. */
    Sessions.Session form(Context ctx) throws SQLException {
        Sessions.Session session = session(ctx);
        if (!SignedInPage.hasFormToken(ctx, session)) {
            throw new PageError(403, SignedInPage.FORGED_FORM, session);
        }
        return session;
    }

    /** The session of a triage form: from the desk, and not a partner's. */
    Sessions.Session staffForm(Context ctx) throws SQLException {
        Sessions.Session session = form(ctx);
        if (session.role() == Role.PARTNER) {
            throw new PageError(403, "Partners do not triage.", session);
        }
        return session;
    }

    /** Runs a form's triage action; a refusal (or bad input) ends on the error page. */
    <T> T act(Sessions.Session session, Refusals.Action<T> action) throws SQLException {
        try {
            return Refusals.act(action);
        } catch (Problem bad) {
            throw error(bad, session);
        }
    }

    static PageError error(Problem bad, Sessions.Session session) {
        return new PageError(bad.status(), bad.detail(), session);
    }

    /** Where a form sends the browser back to: a path on this desk only, never another site. */
    static String back(Context ctx) {
        String back = Optional.ofNullable(ctx.formParam("back")).orElse("/");
        return SAFE_BACK.matcher(back).matches() && !back.startsWith("//") ? back : "/";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(ObjectNode node) {
        return Json.mapper().convertValue(node, Map.class);
    }

    void render(Context ctx, String template, Map<String, Object> model, Sessions.Session session) {
        if (session == null) {
            pages.render(ctx, template, new HashMap<>(model));
            return;
        }
        Map<String, Object> all = pages.model(ctx, session);
        all.putAll(model);
        if (session.role() != Role.PARTNER) {
            all.put("pipeline", pipeline.get().toView());
            all.put("alerts", openAlerts());
        }
        pages.render(ctx, template, all);
    }

    /** The threat-to-life alerts no analyst has acknowledged: the banner on every page until one does. */
    private List<Map<String, Object>> openAlerts() {
        try {
            return alerts.unacknowledged().stream()
                    .map(alert -> Map.<String, Object>of(
                            "id",
                            alert.incidentId(),
                            "title",
                            alert.title() == null ? alert.incidentId() : alert.title(),
                            "severity",
                            alert.severity(),
                            "raisedAt",
                            alert.raisedAt().toString()))
                    .toList();
        } catch (SQLException e) {
            // the banner must not hide a threat: say it could not look rather than show nothing
            LOG.warn("cannot read threat-to-life alerts for the banner: {}", e.toString());
            return List.of(Map.of(
                    "id",
                    "",
                    "title",
                    "Threat-to-life alerts could not be read; check the queue",
                    "severity",
                    0,
                    "raisedAt",
                    ""));
        }
    }

    /** Ends a page request that has no session: the browser goes to the login page. */
    static final class NeedsLogin extends RuntimeException {
        NeedsLogin() {
            super("no session", null, false, false);
        }
    }

    /** Ends a page request with an HTML error page. */
    static final class PageError extends RuntimeException {
        private final int status;
        private final transient Sessions.Session session;

        PageError(int status, String message, Sessions.Session session) {
            super(message, null, false, false);
            this.status = status;
            this.session = session;
        }

        int status() {
            return status;
        }
    }
}
