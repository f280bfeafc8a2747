package org.varsel.desk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.IncidentKind;
import org.varsel.contract.Json;
import org.varsel.contract.Tier;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.incident.IncidentPage;
import org.varsel.desk.incident.IncidentQuery;
import org.varsel.desk.incident.IncidentStatus;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueuedIncident;
import org.varsel.desk.incident.Visibility;
import org.varsel.desk.ingest.ConsumerStatus;
import org.varsel.desk.ingest.RejectedMessages;

/** The desk's HTTP server: routes, authentication, and problem+json for every error. */
public final class HttpApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final String PRINCIPAL = "varsel.principal";
  private static final String JSON = "application/json";
  /** No endpoint takes a body yet; the intake API will raise this for its own routes. */
  private static final long MAX_REQUEST_BYTES = 64 * 1024;
  private static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z0-9-]{1,200}");

  private final Javalin app;
  private final Credentials credentials;
  private final IncidentStore incidents;
  private final RejectedMessages rejected;
  private final HealthCheck health;
  private final boolean anonymousRead;

  private HttpApi(Credentials credentials, IncidentStore incidents, RejectedMessages rejected, HealthCheck health,
      boolean anonymousRead) {
    this.credentials = credentials;
    this.incidents = incidents;
    this.rejected = rejected;
    this.health = health;
    this.anonymousRead = anonymousRead;
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.http.defaultContentType = JSON;
    });
    routes();
  }

  /** Starts serving on the host and port (0: a free port). */
  public static HttpApi start(String host, int port, Credentials credentials, IncidentStore incidents,
      RejectedMessages rejected, HealthCheck health, boolean anonymousRead) {
    HttpApi api = new HttpApi(credentials, incidents, rejected, health, anonymousRead);
    api.app.start(host, port);
    return api;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }

  private void routes() {
    app.before(ctx -> {
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Cache-Control", "no-store");
    });
    app.before("/api/*", this::authenticate);
    app.get("/healthz", this::healthz);
    app.get("/api/v1/incidents", this::listIncidents);
    app.get("/api/v1/incidents/{id}", this::getIncident);
    app.get("/api/v1/rejected-messages", this::listRejected);

    app.exception(Problem.class, (problem, ctx) -> problem.writeTo(ctx));
    app.exception(HttpResponseException.class, (e, ctx) ->
        new Problem(e.getStatus(), HttpStatus.forStatus(e.getStatus()).getMessage(), e.getMessage()).writeTo(ctx));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      new Problem(500, "Internal server error", "the desk could not answer; the error is in its log").writeTo(ctx);
    });
    app.error(404, ctx -> {
      if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
        Problem.notFound("no such endpoint: " + ctx.method() + " " + ctx.path()).writeTo(ctx);
      }
    });
  }

  private void authenticate(Context ctx) throws SQLException {
    String header = ctx.header("Authorization");
    if (header == null) {
      if (anonymousRead && ctx.method().name().equals("GET")) {
        ctx.attribute(PRINCIPAL, Principal.anonymousReader());
        return;
      }
      throw Problem.unauthorized("send Authorization: Bearer <token>");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Problem.unauthorized("only Bearer tokens are accepted");
    }
    Optional<Principal> principal;
    try {
      principal = credentials.authenticate(header.substring(7).trim());
    } catch (SQLException e) {
      LOG.warn("cannot check a token, the database is unavailable: {}", e.toString());
      throw Problem.unavailable("cannot check credentials right now");
    }
    ctx.attribute(PRINCIPAL, principal.orElseThrow(() -> Problem.unauthorized("unknown or revoked token")));
  }

  private void healthz(Context ctx) {
    boolean databaseUp = health.databaseUp();
    ConsumerStatus consumer = health.consumer();
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("status", databaseUp && !consumer.waitingForDatabase() ? "ok" : "degraded");
    body.put("db", databaseUp ? "up" : "down");
    ObjectNode kafka = body.putObject("kafka");
    consumer.lastPoll().ifPresentOrElse(t -> kafka.put("last_poll", t.toString()), () -> kafka.putNull("last_poll"));
    if (consumer.lag().isPresent()) {
      kafka.put("lag", consumer.lag().getAsLong());
    } else {
      kafka.putNull("lag");
    }
    kafka.put("waiting_for_database", consumer.waitingForDatabase());
    ctx.status(databaseUp ? 200 : 503).contentType(JSON).result(body.toString());
  }

  private void listIncidents(Context ctx) throws SQLException, JsonProcessingException {
    Principal principal = requireRole(ctx, Role.values());
    IncidentQuery query = new IncidentQuery(
        enumParam(ctx, "kind", IncidentKind.values(), IncidentKind::label),
        enumParam(ctx, "tier", Tier.values(), Tier::label),
        enumParam(ctx, "status", IncidentStatus.values(), IncidentStatus::label),
        enumParam(ctx, "order", IncidentQuery.Order.values(), o -> o.name().toLowerCase(Locale.ROOT))
            .orElse(IncidentQuery.Order.QUEUE),
        intParam(ctx, "limit", IncidentQuery.DEFAULT_LIMIT, 1, IncidentQuery.MAX_LIMIT),
        intParam(ctx, "offset", 0, 0, 1_000_000));
    IncidentPage page = incidents.list(query, visibility(principal));
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(incident -> items.add(incident.toJson()));
    body.put("total", page.total());
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
  }

  private void getIncident(Context ctx) throws SQLException, JsonProcessingException {
    Principal principal = requireRole(ctx, Role.values());
    String id = ctx.pathParam("id");
    Optional<QueuedIncident> incident = INCIDENT_ID.matcher(id).matches()
        ? incidents.find(id, visibility(principal))
        : Optional.empty();
    // Unknown and not visible look the same: a partner learns nothing about others' incidents.
    QueuedIncident found = incident.orElseThrow(() -> Problem.notFound("no such incident"));
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(found.toJson()));
  }

  /** What the desk could not take from its topics: for leads and admins, who act on it. */
  private void listRejected(Context ctx) throws SQLException, JsonProcessingException {
    requireRole(ctx, Role.LEAD, Role.ADMIN);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putArray("items");
    for (RejectedMessages.Rejection rejection : rejected.latest(intParam(ctx, "limit", 50, 1, 500))) {
      items.add(Json.mapper().valueToTree(rejection));
    }
    ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
  }

  private static Principal requireRole(Context ctx, Role... allowed) {
    Principal principal = ctx.attribute(PRINCIPAL);
    if (principal == null) {
      throw Problem.unauthorized("send Authorization: Bearer <token>");
    }
    if (Arrays.stream(allowed).noneMatch(role -> role == principal.role())) {
      if (principal.isAnonymous()) {
        throw Problem.unauthorized("send Authorization: Bearer <token>");
      }
      throw Problem.forbidden("role " + principal.role().label() + " may not do this");
    }
    return principal;
  }


  private static Visibility visibility(Principal principal) {
    return principal.partnerId().map(Visibility::partner).orElseGet(Visibility::all);
  }

  private static <E> Optional<E> enumParam(Context ctx, String name, E[] values, Function<E, String> label) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(values).filter(v -> label.apply(v).equals(value)).findFirst()
        .orElseThrow(() -> Problem.badRequest(name + " must be one of "
            + Arrays.stream(values).map(label).toList())));
  }

  private static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParam(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw Problem.badRequest(name + " must be a whole number from " + min + " to " + max);
  }
}
