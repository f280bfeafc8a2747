package org.varsel.desk.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;

/**
 * The one way a desk page is served: the signed-in session (else a redirect to the login page), the layout's model
 * (user, menu flags, CSRF token), the staff-only and forged-form refusals, and the security headers on every page.
 */
public final class SignedInPage {
    /** The browser session's cookie. */
    public static final String COOKIE = "varsel_session";
    /** Where a call signed in with a session cookie carries the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field that carries the session's CSRF token. */
    public static final String CSRF_FIELD = "_csrf";
    /** What a page says when a form did not come from the desk. */
    public static final String FORGED_FORM =
            "This form has expired or did not come from the desk; reload the page and retry.";

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Sessions sessions;
    private final Views views = new Views();

    public SignedInPage(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The caller's session, if the request carries a live session cookie. */
    public Optional<Sessions.Session> find(Context ctx) throws SQLException {
        String cookie = ctx.cookie(COOKIE);
        return cookie == null ? Optional.empty() : sessions.find(cookie);
    }

    /** The caller's session, or empty after redirecting the browser to the login page. */
    public Optional<Sessions.Session> session(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = find(ctx);
        if (session.isEmpty()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
        }
        return session;
    }

    /** The layout's model for this session and page. */
    public Map<String, Object> model(Context ctx, Sessions.Session session) {
        Map<String, Object> model = new HashMap<>();
        model.put("user", session.username());
        model.put("role", session.role().label());
        model.put("csrf", session.csrfToken());
        model.put("greyscale", session.greyscale());
        model.put("unread", session.unread());
        model.put("isLead", isLead(session.role()));
        model.put("isPartner", session.role() == Role.PARTNER);
        model.put("here", ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        return model;
    }

    /** True, after answering 403 with the error page, when the session is a partner's: the page is for staff. */
    public boolean refusedToPartner(Context ctx, Sessions.Session session, Map<String, Object> model, String what) {
        if (session.role() != Role.PARTNER) {
            return false;
        }
        error(ctx, model, 403, what + " are for the desk's staff.");
        return true;
    }

    /** True, after answering 403 with the error page, when a form did not carry the session's CSRF token. */
    public boolean refusedForgedForm(Context ctx, Sessions.Session session, Map<String, Object> model) {
        if (hasFormToken(ctx, session)) {
            return false;
        }
        error(ctx, model, 403, FORGED_FORM);
        return true;
    }

    /** Answers with the error page. */
    public void error(Context ctx, Map<String, Object> model, int status, String message) {
        model.put("message", message);
        model.put("status", status);
        render(ctx.status(status), "error", model);
    }

    public void render(Context ctx, String template, Map<String, Object> model) {
        ctx.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .html(views.render(template, model));
    }

    public static boolean isLead(Role role) {
        return role == Role.LEAD || role == Role.ADMIN;
    }

    /** True when the form carries this session's CSRF token. */
    public static boolean hasFormToken(Context ctx, Sessions.Session session) {
        return sameToken(ctx.formParam(CSRF_FIELD), session.csrfToken());
    }

    /** Compares in constant time, so the time an answer takes gives no hint of the token. */
    public static boolean sameToken(String given, String expected) {
        return given != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
