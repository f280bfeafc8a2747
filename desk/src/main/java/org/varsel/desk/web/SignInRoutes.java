package org.varsel.desk.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;

/**
 * Signing in and out of the desk in a browser, the page preferences, the pages' static files; and the browser session
 * as a way to sign API calls: a state-changing call with a session needs its CSRF token ({@code X-CSRF-Token} header,
 * or the {@code _csrf} form field on pages). Bearer-token calls are exempt.
 */
public record SignInRoutes(Sessions sessions, LoginThrottle throttle, AuditLog audit, AnalystPages pages)
        implements RouteGroup {
    private static final String LOGIN_COOKIE = "varsel_login";
    private static final Map<String, String> STATIC = Map.of(
            "desk.css", "text/css; charset=utf-8",
            "desk.js", "text/javascript; charset=utf-8");

    /** A browser session signs in API calls too; then a state-changing call must carry the session's CSRF token. */
    @Override
    public void authenticate(Context ctx) throws SQLException {
        if (ctx.header("Authorization") != null) {
            return;
        }
        Optional<Sessions.Session> session = pages.find(ctx);
        if (session.isEmpty()) {
            return;
        }
        if (!isSafe(ctx)
                && !SignedInPage.sameToken(
                        ctx.header(SignedInPage.CSRF_HEADER), session.get().csrfToken())) {
            throw Problem.forbidden("a call with a session cookie needs its CSRF token in " + SignedInPage.CSRF_HEADER);
        }
        ctx.attribute(HttpApi.PRINCIPAL, session.get().principal());
    }

    @Override
    public void addTo(Javalin app) {
        pages.addErrorPagesTo(app);
        app.get("/static/{file}", this::staticFile);
        app.get("/login", ctx -> loginPage(ctx, 200, Map.of()));
        app.post("/login", this::login);
        app.post("/logout", this::logout);
        app.post("/prefs/greyscale", this::greyscaleForm);
    }

    /** The sign-in form with a fresh CSRF token, bound to the browser by a short-lived cookie (double submit). */
    private void loginPage(Context ctx, int status, Map<String, Object> model) {
        String token = Sessions.random();
        ctx.header(
                "Set-Cookie",
                LOGIN_COOKIE + "=" + token + "; Path=/login; Max-Age=3600; HttpOnly; Secure; " + "SameSite=Strict");
        Map<String, Object> withToken = new HashMap<>(model);
        withToken.put("csrf", token);
        pages.render(ctx.status(status), "login", withToken, null);
    }

    private void login(Context ctx) throws SQLException {
        String username =
                Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String formToken = ctx.formParam(SignedInPage.CSRF_FIELD);
        if (formToken == null || !SignedInPage.sameToken(ctx.cookie(LOGIN_COOKIE), formToken)) {
            loginPage(
                    ctx,
                    403,
                    Map.of(
                            "error",
                            "This sign-in form has expired or did not come from the desk; sign in again.",
                            "username",
                            username));
            return;
        }
        OptionalLong wait = throttle.attempt(username, ctx.ip());
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            loginPage(
                    ctx,
                    429,
                    Map.of(
                            "error",
                            "Too many sign-in attempts. Try again in " + wait.getAsLong() + " seconds.",
                            "username",
                            username));
            return;
        }
        Optional<Sessions.Started> started =
                username.length() > 63 ? Optional.empty() : sessions.login(username, password.toCharArray());
        if (started.isEmpty()) {
            audit.record(
                    username.isEmpty() ? "(none)" : username.substring(0, Math.min(63, username.length())),
                    "login-failed",
                    Optional.empty());
            loginPage(ctx, 401, Map.of("error", "Wrong username or password.", "username", username));
            return;
        }
        audit.record(username, "login", Optional.empty());
        ctx.header(
                "Set-Cookie",
                SignedInPage.COOKIE + "=" + started.get().cookie() + "; Path=/; Max-Age="
                        + Sessions.LIFETIME.toSeconds() + "; HttpOnly; Secure; SameSite=Strict");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) throws SQLException {
        Sessions.Session session = pages.form(ctx);
        sessions.logout(ctx.cookie(SignedInPage.COOKIE));
        audit.record(session.username(), "logout", Optional.empty());
        ctx.header("Set-Cookie", SignedInPage.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void greyscaleForm(Context ctx) throws SQLException {
        Sessions.Session session = pages.form(ctx);
        boolean on = "on".equals(ctx.formParam("greyscale"));
        // not audited: a display preference changes nobody's data, and one row per toggle buried the actions the log is
        // for
        sessions.setGreyscale(session.username(), on);
        ctx.redirect(AnalystPages.back(ctx), HttpStatus.SEE_OTHER);
    }

    private void staticFile(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = STATIC.get(file);
        if (type == null) {
            throw Problem.notFound("no such file");
        }
        try (InputStream in = SignInRoutes.class.getClassLoader().getResourceAsStream("web/static/" + file)) {
            if (in == null) {
                throw Problem.notFound("no such file");
            }
            ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
        }
    }

    private static boolean isSafe(Context ctx) {
        String method = ctx.method().name();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }
}
