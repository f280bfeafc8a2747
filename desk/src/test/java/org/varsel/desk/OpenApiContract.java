package org.varsel.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.varsel.contract.Json;

/**
 * The desk's own {@code openapi.json} as a check of real bodies: a request or response body against the schema the
 * file gives for that route, method, status and media type. Objects are checked closed ({@code unevaluatedProperties:
 * false} wherever the file leaves them open without saying so), so that a field the desk sends but the file does not
 * describe is a drift too, not only a field of the wrong type.
 */
final class OpenApiContract {
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String OPEN = "-open";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final String location;
    private final JsonNode document;

    private OpenApiContract(String location, JsonNode document) {
        this.location = location;
        this.document = document;
    }

    /** The served file with its objects closed, written to {@code target/} for the validator to load. */
    static OpenApiContract load() {
        try {
            JsonNode document = Json.mapper().readTree(OpenApiContract.class.getResource("/openapi.json"));
            ObjectNode schemas = (ObjectNode) document.get("components").get("schemas");
            openBases(document, schemas);
            schemas.fields().forEachRemaining(schema -> {
                if (!schema.getKey().endsWith(OPEN)) {
                    close(schema.getValue());
                }
            });
            close(document.get("paths"));
            Path file = Path.of("target", "openapi-closed.json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, document.toPrettyString());
            return new OpenApiContract(file.toUri().toString(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a response body; a status or media type the file does not list for the route is wrong too. */
    List<String> response(String method, String route, int status, String contentType, String body) {
        String media = contentType.split(";")[0].trim();
        String response =
                resolved("/paths/" + escape(route) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status);
        return check(
                response + "/content/" + escape(media) + "/schema",
                method + " " + route + " " + status + " " + media,
                body);
    }

    /** What is wrong with a JSON request body for the route. */
    List<String> request(String method, String route, String body) {
        String request = resolved("/paths/" + escape(route) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody");
        return check(request + "/content/application~1json/schema", method + " " + route + " request", body);
    }

    /** The pointer itself, or where its {@code $ref} (within the file) points. */
    private String resolved(String pointer) {
        JsonNode ref = document.at(pointer).path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#/") ? ref.asText().substring(1) : pointer;
    }

    private List<String> check(String pointer, String what, String body) {
        if (document.at(pointer).isMissingNode()) {
            // a media type listed without a schema (a PDF, say) is described as opaque
            boolean opaque = document.at(pointer.substring(0, pointer.length() - "/schema".length()))
                    .isObject();
            return opaque ? List.of() : List.of(what + ": not described in openapi.json (" + pointer + ")");
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (IOException e) {
            return List.of(what + ": not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        FACTORY.getSchema(SchemaLocation.of(location + "#" + pointer))
                .validate(json)
                .forEach(message -> problems.add(what + ": " + message.getMessage()));
        return problems;
    }

    /**
     * A schema that another extends ({@code allOf: [{$ref: Base}, {...}]}) is read there through an open copy: a closed
     * base would refuse the extension's properties, and the extending schema closes over all of them.
     */
    private static void openBases(JsonNode node, ObjectNode schemas) {
        if (node.isObject() && node.has("allOf")) {
            for (JsonNode branch : node.get("allOf")) {
                String ref = branch.path("$ref").asText("");
                if (ref.startsWith(SCHEMAS)) {
                    String name = ref.substring(SCHEMAS.length());
                    schemas.set(name + OPEN, schemas.get(name).deepCopy());
                    ((ObjectNode) branch).put("$ref", SCHEMAS + name + OPEN);
                }
            }
        }
        if (node.isContainerNode()) {
            iterable(node).forEach(child -> openBases(child, schemas));
        }
    }

    private static List<JsonNode> iterable(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.elements().forEachRemaining(children::add);
        return children;
    }

    /** Every object schema below {@code node} that lists properties and says nothing of others takes no others. */
    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            boolean open = object.has("additionalProperties") || object.has("unevaluatedProperties");
            if ((object.has("properties") || object.has("allOf")) && !open && !allowsAnyInAllOf(object)) {
                object.put("unevaluatedProperties", false);
            }
            object.fields().forEachRemaining(field -> {
                // the branches of allOf are closed by their parent, which sees the properties of them all
                if (field.getKey().equals("allOf")) {
                    field.getValue()
                            .forEach(branch -> branch.fields().forEachRemaining(inner -> close(inner.getValue())));
                } else {
                    close(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(OpenApiContract::close);
        }
    }

    private static boolean allowsAnyInAllOf(ObjectNode object) {
        if (!object.has("allOf")) {
            return false;
        }
        for (JsonNode branch : object.get("allOf")) {
            if (branch.path("additionalProperties").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
