package org.varsel.desk.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.http.SignedInPage;

/**
 * Each staff user's inbox: the page {@code /inbox} (mark one or all read), and {@code GET /api/v1/notifications} with
 * {@code POST /api/v1/notifications/read}. Partners get none (403). docs/desk.md, "Notifications".
 */
public final class InboxRoutes implements RouteGroup {
    public static final String PAGE_PATH = "/inbox";
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};

    private final Notifications notifications;
    private final SignedInPage pages;
    private final boolean mailOn;

    public InboxRoutes(Database database, Notifications notifications, boolean mailOn) {
        this.notifications = notifications;
        this.pages = new SignedInPage(new Sessions(database));
        this.mailOn = mailOn;
    }

    @Override
    public void addTo(Javalin app) {
        app.get(PAGE_PATH, this::page);
        app.post(PAGE_PATH + "/read", this::readForm);
        app.get("/api/v1/notifications", this::list);
        app.post("/api/v1/notifications/read", this::read);
    }

    private void page(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return;
        }
        Map<String, Object> model = pages.model(ctx, session.get());
        if (pages.refusedToPartner(ctx, session.get(), model, "Notifications")) {
            return;
        }
        model.put("notifications", notifications.inbox(session.get().username()));
        model.put("email", notifications.email(session.get().username()).orElse(null));
        model.put("mailOn", mailOn);
        model.put("size", Notifications.INBOX_SIZE);
        pages.render(ctx, "inbox", model);
    }

    private void readForm(Context ctx) throws SQLException {
        Optional<Sessions.Session> session = pages.session(ctx);
        if (session.isEmpty()) {
            return;
        }
        Map<String, Object> model = pages.model(ctx, session.get());
        if (pages.refusedToPartner(ctx, session.get(), model, "Notifications")
                || pages.refusedForgedForm(ctx, session.get(), model)) {
            return;
        }
        notifications.markRead(
                session.get().username(),
                id(Optional.ofNullable(ctx.formParam("id")).filter(s -> !s.isBlank())));
        ctx.redirect(PAGE_PATH, HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("unread", notifications.unread(principal.name()));
        ArrayNode items = body.putArray("items");
        for (Notification n : notifications.inbox(principal.name())) {
            ObjectNode item = items.addObject();
            item.put("id", n.id());
            item.put("kind", n.kind().label());
            item.put("incident_id", n.incidentId());
            item.put("title", n.title());
            item.put("tier", n.tier());
            item.put("actor", n.actor().orElse(null));
            item.put("created_at", n.createdAt().toString());
            item.put("read_at", n.readAt().map(Object::toString).orElse(null));
            item.put("mail", n.mail());
            item.put("mail_attempts", n.mailAttempts());
            item.put("mail_error", n.mailError().orElse(null));
        }
        ctx.contentType("application/json").result(body.toString());
    }

    /** Body {@code {"id": 12}} marks one read, {@code {}} all of them. */
    private void read(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        JsonNode body;
        try {
            body = ctx.body().isBlank()
                    ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(ctx.body());
        } catch (IOException e) {
            throw Problem.badRequest("the body must be JSON: {\"id\": <notification id>} or {} for all");
        }
        if (body == null
                || !body.isObject()
                || (body.has("id") && !body.get("id").canConvertToLong())) {
            throw Problem.badRequest("the body must be {\"id\": <notification id>} or {} for all");
        }
        Optional<Long> id = body.hasNonNull("id") ? Optional.of(body.get("id").asLong()) : Optional.empty();
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("marked_read", notifications.markRead(principal.name(), id));
        answer.put("unread", notifications.unread(principal.name()));
        ctx.contentType("application/json").result(answer.toString());
    }

    private static Optional<Long> id(Optional<String> value) {
        try {
            return value.map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw Problem.badRequest("id must be a notification's number");
        }
    }
}
