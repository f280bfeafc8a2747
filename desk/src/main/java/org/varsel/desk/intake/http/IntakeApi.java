package org.varsel.desk.intake.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.contract.SignalCodec;
import org.varsel.desk.auth.Principal;
import org.varsel.desk.auth.Role;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.Problem;
import org.varsel.desk.http.RateLimiter;
import org.varsel.desk.http.RouteGroup;
import org.varsel.desk.intake.BulkIntake;
import org.varsel.desk.intake.BulkReport;
import org.varsel.desk.intake.CappedInputStream;
import org.varsel.desk.intake.CsvSignals;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.desk.intake.IntakeOutcome;
import org.varsel.desk.intake.JsonLines;
import org.varsel.desk.intake.SignalIntake;
import org.varsel.desk.intake.SignalLines;
import org.varsel.desk.intake.SignalStatuses;
import org.varsel.desk.intake.stix.StixIntake;

/** The partner intake endpoints: one signal, bulk JSONL/CSV, STIX bundles, and the status of a partner's signals. */
public final class IntakeApi implements RouteGroup {
    private static final String JSON = "application/json";
    private static final Set<String> JSON_TYPES = Set.of("application/json");
    private static final String CSV_TYPE = "text/csv";
    private static final Set<String> BULK_TYPES = Set.of(
            "application/x-ndjson", "application/jsonl", "application/json-lines", "application/x-jsonlines", CSV_TYPE);
    private static final Set<String> STIX_TYPES =
            Set.of("application/json", "application/stix+json", "application/taxii+json");
    private static final Pattern SIGNAL_ID = Pattern.compile("sig-[0-9a-f]{24}");

    private final SignalIntake intake;
    private final BulkIntake bulk;
    private final StixIntake stix;
    private final SignalStatuses statuses;
    private final RateLimiter limiter;
    private final IntakeConfig config;

    public IntakeApi(SignalIntake intake, SignalStatuses statuses, RateLimiter limiter, IntakeConfig config) {
        this.intake = intake;
        this.bulk = new BulkIntake(intake);
        this.stix = new StixIntake(intake);
        this.statuses = statuses;
        this.limiter = limiter;
        this.config = config;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/v1/signals", this::postSignal);
        app.post("/api/v1/signals/bulk", this::postBulk);
        app.post("/api/v1/stix", this::postStix);
        app.get("/api/v1/signals", this::listSignals);
        app.get("/api/v1/signals/{id}", this::getSignal);
    }

    private void postSignal(Context ctx) throws IOException, SQLException {
        String source = sender(ctx);
        mediaType(ctx, JSON_TYPES);
        byte[] body = readBody(ctx, SignalCodec.MAX_BYTES);
        IntakeOutcome outcome = take(source, List.of(body)).get(0);
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            ObjectNode answer = Json.mapper().createObjectNode();
            BulkIntake.describe(answer, accepted);
            ctx.status(202)
                    .header("Location", "/api/v1/signals/" + accepted.signalId())
                    .contentType(JSON)
                    .result(answer.toString());
        } else if (outcome instanceof IntakeOutcome.Rejected rejected) {
            throw rejection(rejected);
        } else {
            ctx.header("Retry-After", "5");
            throw Problem.unavailable(((IntakeOutcome.Unavailable) outcome).reason());
        }
    }

    private void postBulk(Context ctx) throws IOException, SQLException {
        String source = sender(ctx);
        String type = mediaType(ctx, BULK_TYPES);
        checkLength(ctx, config.maxBulkBytes());
        InputStream in = new CappedInputStream(ctx.req().getInputStream(), config.maxBulkBytes());
        SignalLines lines;
        if (type.equals(CSV_TYPE)) {
            try {
                lines = CsvSignals.open(in);
            } catch (IllegalArgumentException | IOException e) {
                throw withErrors(
                        400,
                        "Unreadable CSV header",
                        e.getMessage(),
                        List.of(new IntakeOutcome.FieldError("header", e.getMessage())));
            }
        } else {
            lines = new JsonLines(in);
        }
        Path spool = Files.createTempFile("varsel-bulk-", ".jsonl");
        try {
            BulkReport report;
            try (OutputStream results = new BufferedOutputStream(Files.newOutputStream(spool))) {
                report = bulk.take(source, lines, results);
            }
            writeReport(ctx, report, spool);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    /** Writes the counts and every line's result; a stop for size or availability makes it a problem document. */
    private static void writeReport(Context ctx, BulkReport report, Path spool) throws IOException {
        int status = report.stop()
                .map(stop -> switch (stop.kind()) {
                    case TOO_LARGE -> 413;
                    case UNAVAILABLE -> 503;
                    case UNREADABLE -> 200;
                })
                .orElse(200);
        if (status == 503) {
            ctx.header("Retry-After", "5");
        }
        ctx.status(status).contentType(status == 200 ? JSON : Problem.CONTENT_TYPE);
        try (JsonGenerator out = Json.mapper().createGenerator(ctx.outputStream());
                BufferedReader results = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
            out.writeStartObject();
            if (status != 200) {
                out.writeStringField("type", "about:blank");
                out.writeStringField("title", status == 413 ? "Payload too large" : "Service unavailable");
                out.writeNumberField("status", status);
                out.writeStringField(
                        "detail",
                        report.stop().orElseThrow().reason() + "; the results up to line "
                                + report.stop().orElseThrow().line() + " are below");
                out.writeStringField("instance", ctx.path());
            }
            for (var field : report.toJson().properties()) {
                out.writeFieldName(field.getKey());
                out.writeTree(field.getValue());
            }
            out.writeArrayFieldStart("results");
            String line;
            while ((line = results.readLine()) != null) {
                out.writeRawValue(line);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private void postStix(Context ctx) throws IOException, SQLException {
        String source = sender(ctx);
        mediaType(ctx, STIX_TYPES);
        byte[] body = readBody(ctx, config.maxStixBytes());
        JsonNode bundle;
        try {
            bundle = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw withErrors(
                    400,
                    "Unreadable STIX bundle",
                    "not JSON: " + e.getMessage().lines().findFirst().orElse(""),
                    List.of(new IntakeOutcome.FieldError("$", "not JSON")));
        }
        StixIntake.Result result;
        try {
            result = stix.take(source, bundle);
        } catch (IllegalArgumentException e) {
            throw withErrors(
                    422,
                    "Not a STIX 2.1 bundle",
                    e.getMessage(),
                    List.of(new IntakeOutcome.FieldError("$", e.getMessage())));
        }
        ctx.status(result.anyUnavailable() ? 503 : 200)
                .contentType(JSON)
                .result(result.toJson().toString());
    }

    private void getSignal(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, Role.values());
        String id = ctx.pathParam("id");
        Optional<ObjectNode> found =
                SIGNAL_ID.matcher(id).matches() ? statuses.find(id, ownSource(principal)) : Optional.empty();
        // another partner's signal and an unknown one look the same
        ObjectNode signal = found.orElseThrow(() -> Problem.notFound("no such signal"));
        ctx.contentType(JSON).result(signal.toString());
    }

    private void listSignals(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, Role.values());
        Instant since = Instant.EPOCH;
        String sinceParam = ctx.queryParam("since");
        if (sinceParam != null && !sinceParam.isEmpty()) {
            try {
                since = OffsetDateTime.parse(sinceParam).toInstant();
            } catch (DateTimeParseException e) {
                throw withErrors(
                        400,
                        "Bad request",
                        "since must be an RFC 3339 timestamp with offset",
                        List.of(new IntakeOutcome.FieldError(
                                "since", "'" + sinceParam + "' is not an RFC 3339 timestamp with offset")));
            }
        }
        long after = longParam(ctx, "after", 0, 0, Long.MAX_VALUE);
        int limit = (int) longParam(ctx, "limit", 100, 1, SignalStatuses.MAX_LIMIT);
        ctx.contentType(JSON)
                .result(statuses.list(ownSource(principal), since, after, limit).toString());
    }

    /** Partners see their own signals only; analysts, leads and admins see all. */
    private static Optional<String> ownSource(Principal principal) {
        return principal.partnerId().map(IntakeApi::partnerSource);
    }

    public static String partnerSource(String partnerId) {
        return "partner:" + partnerId;
    }

    /** The sending partner's source, after its rate limit; only partners (their tokens or their users) send. */
    private String sender(Context ctx) throws SQLException {
        Principal principal = HttpApi.requireRole(ctx, Role.PARTNER);
        String partnerId = principal.partnerId().orElseThrow();
        OptionalLong wait = limiter.acquire(partnerId);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            throw new Problem(
                    429,
                    "Too many requests",
                    "partner " + partnerId + " may send "
                            + config.requestsPerMinute() + " requests a minute (bursts of " + config.burst()
                            + "); retry after "
                            + wait.getAsLong() + " s");
        }
        return partnerSource(partnerId);
    }

    private List<IntakeOutcome> take(String source, List<byte[]> bodies) throws SQLException {
        try {
            return intake.take(source, bodies);
        } catch (SQLException e) {
            if (Database.isUnavailable(e)) {
                throw Problem.unavailable("cannot keep receipts right now; send the signal again later");
            }
            throw e;
        }
    }

    private static Problem rejection(IntakeOutcome.Rejected rejected) {
        String title = switch (rejected.kind()) {
            case UNREADABLE -> "Unreadable signal";
            case TOO_LARGE -> "Payload too large";
            case INVALID -> "Invalid signal";
            case CONFLICT -> "Conflict";
        };
        return withErrors(rejected.kind().httpStatus(), title, rejected.reason(), rejected.errors());
    }

    static Problem withErrors(int status, String title, String detail, List<IntakeOutcome.FieldError> errors) {
        ObjectNode members = Json.mapper().createObjectNode();
        ArrayNode list = members.putArray("errors");
        errors.forEach(error -> list.addObject().put("field", error.field()).put("reason", error.reason()));
        return new Problem(status, title, detail, members);
    }

    /** The request's media type if it is one of these (and UTF-8, if a charset is named); 415 otherwise. */
    private static String mediaType(Context ctx, Set<String> allowed) {
        String header = Optional.ofNullable(ctx.header("Content-Type")).orElse("");
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw withErrors(
                        415,
                        "Unsupported media type",
                        "only UTF-8 is accepted, not " + parameter,
                        List.of(new IntakeOutcome.FieldError("Content-Type", "charset must be utf-8")));
            }
        }
        if (!allowed.contains(type)) {
            throw withErrors(
                    415,
                    "Unsupported media type",
                    "Content-Type must be one of " + allowed.stream().sorted().toList()
                            + (type.isEmpty() ? "" : ", not " + type),
                    List.of(new IntakeOutcome.FieldError("Content-Type", "unsupported: " + type)));
        }
        return type;
    }

    private static void checkLength(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max, declared);
        }
    }

    private static byte[] readBody(Context ctx, long max) throws IOException {
        checkLength(ctx, max);
        try (InputStream in = new CappedInputStream(ctx.req().getInputStream(), max)) {
            return in.readAllBytes();
        } catch (CappedInputStream.TooLarge e) {
            throw tooLarge(max, -1);
        }
    }

    private static Problem tooLarge(long max, long declared) {
        String detail = "the body " + (declared > 0 ? "is " + declared + " bytes" : "is larger than that")
                + "; the limit is " + max + " bytes";
        return withErrors(413, "Payload too large", detail, List.of(new IntakeOutcome.FieldError("$", detail)));
    }

    private static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        String reason = name + " must be a whole number from " + min + " to " + max;
        throw withErrors(400, "Bad request", reason, List.of(new IntakeOutcome.FieldError(name, reason)));
    }
}
