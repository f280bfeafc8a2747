package org.varsel.pipeline.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document read into a tree that remembers the line of every value, keyed by JSON pointer
 * ({@code /rules/3/query}), so a problem can name the line an analyst has to fix.
 */
final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    final JsonNode root;
    private final Map<String, Integer> lines;
    /** Keys given twice in one mapping, as pointers: YAML parsers keep the last silently. */
    final List<String> duplicateKeys;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines, List<String> duplicateKeys) {
        this.root = root;
        this.lines = lines;
        this.duplicateKeys = duplicateKeys;
    }

    /**
     * Reads one YAML document; a null root for an empty file.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException on a syntax error, with its location
     */
    static LocatedYaml read(Path file) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        try (JsonParser p = YAML.createParser(file.toFile())) {
            if (p.nextToken() == null) {
                return new LocatedYaml(null, lines, duplicates);
            }
            JsonNode root = new Reader(p, lines, duplicates).read("");
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(
                        p, "only one YAML document per file (found a second '---')");
            }
            return new LocatedYaml(root, lines, duplicates);
        }
    }

    /** The line of the value at this pointer, else of the nearest enclosing value that has one. */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private record Reader(JsonParser p, Map<String, Integer> lines, List<String> duplicates) {
        JsonNode read(String pointer) throws IOException {
            lines.put(pointer, p.currentTokenLocation().getLineNr());
            JsonToken t = p.currentToken();
            switch (t) {
                case START_OBJECT: {
                    ObjectNode o = NODES.objectNode();
                    while (p.nextToken() != JsonToken.END_OBJECT) {
                        String name = p.currentName();
                        p.nextToken();
                        String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                        if (o.has(name)) {
                            duplicates.add(child);
                        }
                        o.set(name, read(child));
                    }
                    return o;
                }
                case START_ARRAY: {
                    ArrayNode a = NODES.arrayNode();
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        a.add(read(pointer + "/" + i++));
                    }
                    return a;
                }
                case VALUE_STRING:
                    return NODES.textNode(p.getText());
                case VALUE_NUMBER_INT:
                    return NODES.numberNode(p.getLongValue());
                case VALUE_NUMBER_FLOAT:
                    return NODES.numberNode(p.getDoubleValue());
                case VALUE_TRUE:
                    return NODES.booleanNode(true);
                case VALUE_FALSE:
                    return NODES.booleanNode(false);
                case VALUE_NULL:
                    return NODES.nullNode();
                default:
                    return NODES.textNode(p.getText());
            }
        }
    }
}
