package org.varsel.desk.alert;

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
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RouteGroup;

/** The alerts API for analysts: the unacknowledged ones, one with its delivery attempts, and acknowledging one. */
public final class AlertRoutes implements RouteGroup {
    private static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z0-9-]{1,200}");
    private static final String JSON = "application/json";
    private static final Role[] STAFF = {Role.ANALYST, Role.LEAD, Role.ADMIN};

    private final Alerts alerts;

    public AlertRoutes(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/v1/alerts", this::unacknowledged);
        app.get("/api/v1/alerts/{id}", this::one);
        app.post("/api/v1/alerts/{id}/acknowledge", this::acknowledge);
    }

    private void unacknowledged(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, STAFF);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        alerts.unacknowledged().forEach(alert -> items.add(alert.toJson()));
        ctx.contentType(JSON).result(body.toString());
    }

    private void one(Context ctx) throws SQLException {
        HttpApi.requireRole(ctx, STAFF);
        Alert alert = alerts.find(incidentId(ctx))
                .orElseThrow(() -> Problem.notFound("no alert for incident " + ctx.pathParam("id")));
        ctx.contentType(JSON).result(alert.toJson().toString());
    }

    private void acknowledge(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, STAFF);
        String id = incidentId(ctx);
        if (!alerts.acknowledge(id, principal.name())) {
            alerts.find(id).orElseThrow(() -> Problem.notFound("no alert for incident " + id));
            throw Problem.conflict("the alert for " + id + " was acknowledged already");
        }
        ctx.contentType(JSON).result(alerts.find(id).orElseThrow().toJson().toString());
    }

    private static String incidentId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!INCIDENT_ID.matcher(id).matches()) {
            throw Problem.notFound("no alert for incident " + id);
        }
        return id;
    }
}
