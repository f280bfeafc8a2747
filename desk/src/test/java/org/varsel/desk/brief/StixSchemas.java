package org.varsel.desk.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OASIS STIX 2.1 JSON schemas (copied with their BSD licence into {@code src/test/resources/stix21/}), resolved
 * from the classpath: their {@code $id} URLs are mapped to the copies, so nothing is fetched.
 *
 * <p>The published {@code bundle.json} lists neither {@code note} nor {@code grouping}, {@code location},
 * {@code opinion} or {@code incident} among the objects a bundle may hold, although STIX 2.1 (section 8) allows any
 * object in a bundle; and its custom-object branch refuses them too. So the bundle envelope is checked without those
 * objects, and every object, those included, against its own type's schema.
 */
final class StixSchemas {
    private static final String OASIS =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(OASIS, "classpath:stix21/schemas/")));

    private static final Set<String> MISSING_FROM_OASIS_BUNDLE =
            Set.of("note", "grouping", "location", "opinion", "incident");

    private StixSchemas() {}

    /** Every violation, of the bundle schema and of each object against its own type's schema. */
    static List<String> violations(JsonNode bundle) {
        List<String> problems = new ArrayList<>();
        ObjectNode envelope = bundle.deepCopy();
        ArrayNode listed = envelope.putArray("objects");
        bundle.get("objects").forEach(o -> {
            if (!MISSING_FROM_OASIS_BUNDLE.contains(o.get("type").asText())) {
                listed.add(o);
            }
        });
        problems.addAll(validate("common/bundle.json", envelope, "bundle"));
        for (JsonNode object : bundle.get("objects")) {
            String type = object.get("type").asText();
            String path = switch (type) {
                case "marking-definition" -> "common/marking-definition.json";
                case "url", "user-account" -> "observables/" + type + ".json";
                case "relationship" -> "sros/relationship.json";
                default -> "sdos/" + type + ".json";
            };
            problems.addAll(validate(path, object, object.get("id").asText()));
        }
        return problems;
    }

    private static List<String> validate(String path, JsonNode node, String what) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(OASIS + path));
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(m -> what + ": " + m.getMessage()).toList();
    }
}
