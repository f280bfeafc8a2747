package org.varsel.desk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.incident.RejectedMessages;
import org.varsel.desk.kafka.ConsumerStatus;
import org.varsel.desk.pipeline.PipelineStatus;

/** The desk's HTTP server: routes, authentication, and problem+json for every error. */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** The request attribute that holds the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "varsel.principal";

    private static final String JSON = "application/json";
    /** Bodies read with ctx.body(); the intake endpoints stream theirs with their own caps. */
    private static final long MAX_REQUEST_BYTES = 64 * 1024;
    /** What {@code desk.demo.anonymous-read} opens: the incident list and single incidents, nothing else. */
    private static final Pattern ANONYMOUS_READABLE = Pattern.compile("/api/v1/incidents(/inc-[a-z0-9-]{1,200})?");
    /** The OpenAPI description of every endpoint; public, like {@code /healthz}. */
    public static final String OPENAPI_PATH = "/api/openapi.json";

    private final Javalin app;
    private final Credentials credentials;
    private final RejectedMessages rejected;
    private final HealthCheck health;
    private final boolean anonymousRead;
    private final List<RouteGroup> groups;
    private final Duration requestBodyTimeout;
    private final DeskMetrics metrics;

    public HttpApi(
            Credentials credentials,
            RejectedMessages rejected,
            HealthCheck health,
            boolean anonymousRead,
            Duration requestBodyTimeout,
            DeskMetrics metrics,
            List<RouteGroup> groups) {
        this.credentials = credentials;
        this.metrics = metrics;
        this.rejected = rejected;
        this.health = health;
        this.anonymousRead = anonymousRead;
        this.groups = List.copyOf(groups);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = JSON;
            // a body that stalls (slow or truncated) fails its read after this, and the caller gets 408, not a held
            // thread
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(requestBodyTimeout.toMillis()));
        });
        this.requestBodyTimeout = requestBodyTimeout;
        routes();
    }

    /** Starts serving on the host and port (0: a free port), with the route groups' routes, timing every request. */
    public HttpApi start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        metrics.watch(health);
        app.before(metrics::requestStarted);
        app.after(metrics::requestEnded);
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "no-store");
        });
        app.before("/api/*", ctx -> {
            for (RouteGroup group : groups) {
                group.authenticate(ctx);
            }
        });
        app.before("/api/*", this::authenticate);
        app.get("/healthz", this::healthz);
        app.get("/healthz/desk", this::deskHealth);
        app.before(DeskMetrics.PATH, this::authenticate);
        app.get(DeskMetrics.PATH, ctx -> {
            requireRole(ctx, Role.LEAD, Role.ADMIN);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
        app.get(OPENAPI_PATH, HttpApi::openApi);
        app.get("/api/v1/rejected-messages", this::listRejected);
        groups.forEach(group -> group.addTo(app));

        app.exception(Problem.class, (problem, ctx) -> problem.writeTo(ctx));
        app.exception(
                HttpResponseException.class,
                (e, ctx) -> new Problem(
                                e.getStatus(),
                                HttpStatus.forStatus(e.getStatus()).getMessage(),
                                e.getMessage())
                        .writeTo(ctx));
        app.exception(Exception.class, (e, ctx) -> {
            if (causedBy(e, TimeoutException.class)) {
                LOG.info("request {} {}: the body did not arrive in time", ctx.method(), ctx.path());
                new Problem(
                                408,
                                "Request Timeout",
                                "the request body did not arrive within " + requestBodyTimeout + "; send it again")
                        .writeTo(ctx);
            } else if (causedBy(e, EofException.class)) {
                LOG.info("request {} {}: the body ended early", ctx.method(), ctx.path());
                Problem.badRequest("the request body ended before its declared length")
                        .writeTo(ctx);
            } else if (e instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                // SQLSTATE class 22 (data exception): a value the database cannot take, e.g. U+0000 in a form field
                LOG.info("request {} {}: the database refused a value: {}", ctx.method(), ctx.path(), sql.getMessage());
                Problem.badRequest(
                                "the request holds a value the desk cannot store (a NUL character, or a number or text"
                                        + " out of range)")
                        .writeTo(ctx);
            } else {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                new Problem(500, "Internal server error", "the desk could not answer; the error is in its log")
                        .writeTo(ctx);
            }
        });
        app.error(404, ctx -> {
            if (!Problem.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                Problem.notFound("no such endpoint: " + ctx.method() + " " + ctx.path())
                        .writeTo(ctx);
            }
        });
    }

    private void authenticate(Context ctx) throws SQLException {
        if (ctx.path().equals(OPENAPI_PATH) || ctx.attribute(PRINCIPAL) != null) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null) {
            if (anonymousRead
                    && ctx.method().name().equals("GET")
                    && ANONYMOUS_READABLE.matcher(ctx.path()).matches()) {
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

    /**
     * The whole system: the desk and the pipeline. Not 2xx when the database is down, or the pipeline job does not run
     * or leaves a lag unworked ({@link PipelineStatus#problem}): a problem body then says why.
     */
    private void healthz(Context ctx) {
        ObjectNode body = deskHealthBody();
        PipelineStatus pipeline = health.pipeline();
        body.set("pipeline", pipeline.toJson());
        Optional<String> problem =
                body.get("db").asText().equals("up") ? pipeline.problem() : Optional.of("the database is down");
        if (problem.isPresent()) {
            body.remove("status"); // the problem's own status (503) takes the member's place
            throw new Problem(503, "Service unavailable", problem.get(), body);
        }
        ctx.contentType(JSON).result(body.toString());
    }

    /** The desk alone (database, incident consumer): its readiness, which a stopped pipeline must not take away. */
    private void deskHealth(Context ctx) {
        ObjectNode body = deskHealthBody();
        ctx.status(body.get("db").asText().equals("up") ? 200 : 503)
                .contentType(JSON)
                .result(body.toString());
    }

    private ObjectNode deskHealthBody() {
        boolean databaseUp = health.databaseUp();
        ConsumerStatus consumer = health.consumer();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("status", databaseUp && !consumer.waitingForDatabase() ? "ok" : "degraded");
        body.put("db", databaseUp ? "up" : "down");
        ObjectNode kafka = body.putObject("kafka");
        consumer.lastPoll()
                .ifPresentOrElse(t -> kafka.put("last_poll", t.toString()), () -> kafka.putNull("last_poll"));
        if (consumer.lag().isPresent()) {
            kafka.put("lag", consumer.lag().getAsLong());
        } else {
            kafka.putNull("lag");
        }
        kafka.put("waiting_for_database", consumer.waitingForDatabase());
        return body;
    }

    private static void openApi(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw Problem.notFound("this build has no OpenAPI description");
            }
            ctx.contentType(JSON).result(in.readAllBytes());
        }
    }

    /** What the desk could not take from its topics: for leads and admins, who act on it. */
    private void listRejected(Context ctx) throws SQLException, JsonProcessingException {
        requireRole(ctx, Role.LEAD, Role.ADMIN);
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (RejectedMessages.Rejection rejection : rejected.latest(RequestParams.intParam(ctx, "limit", 50, 1, 500))) {
            items.add(Json.mapper().valueToTree(rejection));
        }
        ctx.contentType(JSON).result(Json.mapper().writeValueAsBytes(body));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The caller, if one of these roles; 401 for no (or the anonymous) caller, 403 for another role. */
    public static Principal requireRole(Context ctx, Role... allowed) {
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
}
