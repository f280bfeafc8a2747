package org.varsel.pipeline.functional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build gate's floors (data/functional/floors.yaml), one line per functionality: {@code threat_direct: {en: 0.30,
 * da: 0.10}}. For a functionality to flag the value is the least flag rate allowed; for a contrast, the most.
 */
public record SuiteFloors(Map<String, Map<String, Double>> floors) {
    /** The floors' file name, next to the suite. */
    public static final String FILE = "floors.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public SuiteFloors {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        floors.forEach((functionality, byLanguage) -> {
            if (byLanguage == null) {
                throw new IllegalArgumentException(
                        functionality + ": give a rate per language, e.g. {en: 0.30, da: 0.10}");
            }
            byLanguage.forEach((language, rate) -> {
                if (rate == null || rate < 0 || rate > 1) {
                    throw new IllegalArgumentException(
                            functionality + "." + language + ": a rate lies in [0, 1], not " + rate);
                }
            });
            copy.put(functionality, Map.copyOf(byLanguage));
        });
        floors = Collections.unmodifiableMap(copy);
    }

    public static SuiteFloors read(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return new SuiteFloors(Map.of());
            }
            return new SuiteFloors(
                    YAML.convertValue(tree, new TypeReference<LinkedHashMap<String, Map<String, Double>>>() {}));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public Optional<Double> floor(String functionality, String language) {
        return Optional.ofNullable(floors.get(functionality)).map(byLanguage -> byLanguage.get(language));
    }
}
