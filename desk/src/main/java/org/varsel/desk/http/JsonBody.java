package org.varsel.desk.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.varsel.contract.Json;
import org.varsel.contract.StorableText;

/** A request's JSON object body and its fields, read the same way by every route group; malformed is a 400. */
public final class JsonBody {
    private JsonBody() {}

    /** The body as a JSON object, cleaned of what the database and the pages cannot hold. */
    public static JsonNode object(Context ctx) {
        try {
            JsonNode body = Json.mapper().readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw Problem.badRequest("the body must be a JSON object");
            }
            return StorableText.clean(body);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not JSON");
        } catch (IOException e) {
            // the body could not be read (it stalled or ended early): HttpApi answers that, not "not JSON"
            throw new UncheckedIOException(e);
        }
    }

    /** A field's text, empty when it is missing or null. */
    public static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** A field that must be a non-blank string. */
    public static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw Problem.badRequest(field + " is required (a string)");
        }
        return value.asText();
    }

    /** Writes a JSON answer. */
    public static void send(Context ctx, JsonNode body) throws IOException {
        ctx.contentType("application/json").result(Json.mapper().writeValueAsBytes(body));
    }
}
