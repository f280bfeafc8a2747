package org.varsel.desk.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.varsel.desk.auth.Role;

/**
 * What a desk page outside the triage UI shares with it: the signed-in session (else a redirect to the login page),
 * the layout's model (user, menu flags, CSRF token), the staff-only refusal and the security headers.
 */
public final class SignedInPage {
  /** Only the desk's own script and style; the script may call the desk's own API (queue refresh, keyboard triage). */
  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Sessions sessions;
  private final Views views = new Views();

  public SignedInPage(Sessions sessions) {
    this.sessions = sessions;
  }

  /** The caller's session, or empty after redirecting the browser to the login page. */
  public Optional<Sessions.Session> session(Context ctx) throws SQLException {
    String cookie = ctx.cookie(TriageWeb.COOKIE);
    Optional<Sessions.Session> session = cookie == null ? Optional.empty() : sessions.find(cookie);
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
    model.put("isLead", session.role() == Role.LEAD || session.role() == Role.ADMIN);
    model.put("isPartner", session.role() == Role.PARTNER);
    model.put("here", ctx.path());
    return model;
  }

  /** True, after answering 403 with the error page, when the session is a partner's: the page is for staff. */
  public boolean refusedToPartner(Context ctx, Sessions.Session session, Map<String, Object> model, String what) {
    if (session.role() != Role.PARTNER) {
      return false;
    }
    model.put("message", what + " are for the desk's staff.");
    model.put("status", 403);
    render(ctx.status(403), "error", model);
    return true;
  }

  /** True, after answering 403 with the error page, when a form did not carry the session's CSRF token. */
  public boolean refusedForgedForm(Context ctx, Sessions.Session session, Map<String, Object> model) {
    if (TriageWeb.sameToken(ctx.formParam(TriageWeb.CSRF_FIELD), session.csrfToken())) {
      return false;
    }
    model.put("message", "This form has expired or did not come from the desk; reload the page and retry.");
    model.put("status", 403);
    render(ctx.status(403), "error", model);
    return true;
  }

  public void render(Context ctx, String template, Map<String, Object> model) {
    ctx.header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
        .html(views.render(template, model));
  }
}
