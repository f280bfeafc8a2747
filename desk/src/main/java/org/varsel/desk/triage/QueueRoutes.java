package org.varsel.desk.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.JsonBody;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;

/** The queue page's helpers: the "changed since" poll behind auto-refresh, and each person's saved searches. */
public final class QueueRoutes implements RouteGroup {
    private static final String JSON = "application/json";
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};
    private static final Role[] ANYONE = Role.values();
    // letters, digits, punctuation, symbols and spaces: no control characters, no lone surrogates (PostgreSQL refuses
    // both)
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{P}\\p{S}\\p{Zs}]{1,80}");
    // the queue's own query string, as the filter form encodes it: nothing that could leave the page or the desk
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_.~%+=&*-]{0,2000}");

    private final QueueChanges changes;
    private final SavedSearches searches;

    public QueueRoutes(QueueChanges changes, SavedSearches searches) {
        this.changes = changes;
        this.searches = searches;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/changes", this::changes);
        app.get("/api/v1/saved-searches", this::savedSearches);
        app.post("/api/v1/saved-searches", this::save);
        app.delete("/api/v1/saved-searches/{name}", this::delete);
    }

    private void changes(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, STAFF);
        String since = ctx.queryParam("since");
        if (since != null && !since.isEmpty() && QueueChanges.Stamp.parse(since).isEmpty()) {
            throw Problem.badRequest("since must be a token this endpoint returned");
        }
        QueueChanges.Answer answer = changes.since(QueueChanges.Stamp.parse(since));
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("token", answer.now().token());
        body.put("changed", answer.changed());
        ArrayNode events = body.putArray("events");
        answer.events().forEach(event -> events.add(event.toJson()));
        ctx.contentType(JSON).result(body.toString());
    }

    private void savedSearches(Context ctx) throws SQLException {
        Principal person = person(ctx);
        ctx.contentType(JSON).result(list(person).toString());
    }

    private void save(Context ctx) throws SQLException {
        Principal person = person(ctx);
        JsonNode body = JsonBody.object(ctx);
        String name = JsonBody.text(body, "name").orElse("").strip();
        String query = JsonBody.text(body, "query").orElse("").replaceFirst("^\\?", "");
        if (!NAME.matcher(name).matches()) {
            throw Problem.badRequest("name: 1-80 letters, digits, spaces or punctuation");
        }
        if (!QUERY.matcher(query).matches()) {
            throw Problem.badRequest(
                    "query: the queue's query string (status=new&platform=x), at most 2,000 characters");
        }
        if (!searches.save(person.name(), new SavedSearches.SavedSearch(name, query))) {
            throw Problem.conflict(
                    "at most " + SavedSearches.MAX_PER_USER + " saved searches per person: delete one first");
        }
        ctx.status(201).contentType(JSON).result(list(person).toString());
    }

    private void delete(Context ctx) throws SQLException {
        Principal person = person(ctx);
        if (!searches.delete(person.name(), ctx.pathParam("name"))) {
            throw Problem.notFound("no saved search named " + ctx.pathParam("name"));
        }
        ctx.status(204);
    }

    private ObjectNode list(Principal person) throws SQLException {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        searches.of(person.name())
                .forEach(s -> items.addObject().put("name", s.name()).put("query", s.query()));
        return body;
    }

    /** Saved searches are a person's: a partner organisation's token has none. */
    private static Principal person(Context ctx) {
        Principal principal = HttpApi.requireRole(ctx, ANYONE);
        if (principal.isAnonymous()) {
            throw Problem.unauthorized("send Authorization: Bearer <token>");
        }
        if (principal.kind() != Principal.Kind.USER) {
            throw Problem.forbidden("saved searches belong to a person: sign in or use a user's token");
        }
        return principal;
    }
}
