package org.varsel.desk.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.varsel.contract.StorableText;

/** The query and path parameters every route group reads the same way; anything malformed is a 400 (or a 404). */
public final class RequestParams {
    /** An incident id as the pipeline makes them. */
    public static final Pattern INCIDENT_ID = Pattern.compile("inc-[a-z0-9-]{1,200}");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}:#@._+-]{1,200}");
    private static final int MAX_TEXT = 500;

    private RequestParams() {}

    /** The {@code id} path parameter as an incident id; anything else is no such incident (404). */
    public static String incidentId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!INCIDENT_ID.matcher(id).matches()) {
            throw Problem.notFound("no such incident");
        }
        return id;
    }

    /** The parameter's value, or empty when it is missing or blank. */
    public static Optional<String> present(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** The parameter's value; missing or blank is a 400 that says what it should hold. */
    public static String required(Context ctx, String name, String expected) {
        return present(ctx, name).orElseThrow(() -> Problem.badRequest(name + " is required (" + expected + ")"));
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.badRequest(name + " must be a whole number from " + min + " to " + max);
    }

    /** One of the values, by its label. */
    public static <E> Optional<E> enumParam(Context ctx, String name, E[] values, Function<E, String> label) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(values)
                .filter(v -> label.apply(v).equals(value))
                .findFirst()
                .orElseThrow(() -> Problem.badRequest(name + " must be one of "
                        + Arrays.stream(values).map(label).toList())));
    }

    public static Optional<String> word(Context ctx, String name) {
        Optional<String> value = present(ctx, name).map(String::strip);
        if (value.isPresent() && !WORD.matcher(value.get()).matches()) {
            throw Problem.badRequest(name + " must be one word (letters, digits, : # @ . _ + -)");
        }
        return value;
    }

    /** Free text (a search), cleaned of what the database and the pages cannot hold. */
    public static Optional<String> text(Context ctx, String name) {
        Optional<String> value = present(ctx, name);
        if (value.isPresent() && value.get().length() > MAX_TEXT) {
            throw Problem.badRequest(name + " must be at most " + MAX_TEXT + " characters");
        }
        return value.map(v -> StorableText.clean(v.strip()));
    }

    /** A date ({@code 2025-03-01}; as an upper bound, the whole day counts) or an ISO-8601 instant. */
    public static Optional<Instant> time(Context ctx, String name, boolean upperBound) {
        Optional<String> value = present(ctx, name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.get().length() == 10) {
                LocalDate day = LocalDate.parse(value.get());
                return Optional.of((upperBound ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            }
            return Optional.of(Instant.parse(value.get()));
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be a date (2025-03-01) or an instant (2025-03-01T10:00:00Z)");
        }
    }

    /** A date (midnight UTC) or an instant, from a query, a form or a body, else a 400 naming the parameter. */
    public static Instant instant(String value, String name) {
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(name + " must be YYYY-MM-DD or an ISO-8601 instant such as 2025-03-01T12:00:00Z");
        }
    }
}
