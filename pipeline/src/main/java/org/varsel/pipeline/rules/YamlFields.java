package org.varsel.pipeline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the fields of one YAML mapping (a rule, a lexicon) that reports a bad type at its line. */
record YamlFields(Path file, LocatedYaml yaml, String pointer, JsonNode node, List<RuleProblem> problems) {

    void error(String field, String message) {
        problems.add(RuleProblem.error(file, yaml.line(field.isEmpty() ? pointer : pointer + "/" + field), message));
    }

    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            error(field, "'" + field + "' must be a non-empty text");
            return null;
        }
        return v.asText().strip();
    }

    List<String> list(String path) {
        JsonNode v = node.at("/" + path);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (v.isValueNode()) {
            return List.of(v.asText());
        }
        List<String> out = new ArrayList<>();
        if (!v.isArray()) {
            error(path, "'" + path + "' must be a list");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            if (!item.isValueNode() || item.asText().isBlank()) {
                error(path + "/" + i, "items of '" + path + "' must be non-empty texts");
            } else {
                out.add(item.asText());
            }
        }
        return out;
    }
}
