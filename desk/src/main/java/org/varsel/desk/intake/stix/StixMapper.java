package org.varsel.desk.intake.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.varsel.contract.Json;
import org.varsel.contract.Tlp;

/**
 * Maps the objects of a STIX 2.1 bundle to signal.v1 bodies (see the table in {@code docs/intake.md}). Pure: no
 * I/O, so every mapping rule is tested on its own.
 */
public final class StixMapper {
    /** The types that become signals. */
    public static final List<String> MAPPED_TYPES = List.of("report", "observed-data", "indicator", "note");

    /**
     * The TLP marking-definitions with fixed ids: TLP 2.0 (OASIS cti-stix-common-objects, extension-definition
     * tlp-2.0) and TLP 1.0 as in the STIX 2.1 specification (section 7.2.1.4), where WHITE is CLEAR.
     */
    static final Map<String, Tlp> STANDARD_TLP_MARKINGS = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp.CLEAR,
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp.GREEN,
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp.AMBER,
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp.AMBER_STRICT,
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp.RED,
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp.CLEAR,
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp.GREEN,
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp.AMBER,
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp.RED);

    private static final Pattern DISARM_ID = Pattern.compile("T\\d{4}(\\.\\d{3})?|TA\\d{2}");
    private static final Pattern PATTERN_URL = Pattern.compile("url:value\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern HTTP_URL = Pattern.compile("^[Hh][Tt][Tt][Pp][Ss]?://\\S+$");
    private static final Pattern LANGUAGE = Pattern.compile("^([a-z]{2,3}(-[A-Za-z0-9]{2,8})*|und)$");

    private StixMapper() {}

    /** A signal made from one STIX object. */
    public record Candidate(String stixId, String type, byte[] body) {}

    /** A STIX object that became no signal, and why. */
    public record Skipped(String stixId, String type, String reason) {}

    /** What a bundle maps to; objects keep the bundle's order. */
    public record Mapping(String bundleId, List<Candidate> candidates, List<Skipped> skipped) {}

    /** @throws IllegalArgumentException when the document is not a STIX bundle with an {@code objects} array */
    public static Mapping map(JsonNode bundle) {
        if (bundle == null
                || !bundle.isObject()
                || !"bundle".equals(bundle.path("type").asText())) {
            throw new IllegalArgumentException("$.type: a STIX 2.1 bundle has \"type\": \"bundle\"");
        }
        JsonNode objects = bundle.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new IllegalArgumentException("$.objects: a STIX 2.1 bundle has an objects array");
        }
        Context context = Context.of(objects);
        List<Candidate> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (JsonNode object : objects) {
            String id = object.path("id").asText("");
            String type = object.path("type").asText("");
            if (id.isEmpty() || type.isEmpty()) {
                skipped.add(new Skipped(id, type, "not a STIX object: it has no type or no id"));
            } else if (!MAPPED_TYPES.contains(type)) {
                skipped.add(new Skipped(id, type, context.whyNotMapped(type)));
            } else {
                Object result = toSignal(object, id, type, context);
                if (result instanceof Candidate candidate) {
                    candidates.add(candidate);
                } else {
                    skipped.add((Skipped) result);
                }
            }
        }
        return new Mapping(bundle.path("id").asText(""), candidates, skipped);
    }

    private static Object toSignal(JsonNode object, String id, String type, Context context) {
        Optional<Tlp> tlp;
        try {
            tlp = context.tlp(object);
        } catch (IllegalArgumentException unknownMarking) {
            return new Skipped(id, type, unknownMarking.getMessage());
        }
        String text = switch (type) {
            case "report", "indicator" ->
                join(
                        object.path("name").asText(null),
                        object.path("description").asText(null));
            case "note" ->
                join(
                        object.path("abstract").asText(null),
                        object.path("content").asText(null));
            default -> null;
        };
        Optional<String> url = switch (type) {
            case "indicator" -> patternUrl(object.path("pattern").asText("")).or(() -> referenceUrl(object));
            case "observed-data" -> context.observedUrl(object).or(() -> referenceUrl(object));
            default -> referenceUrl(object);
        };
        if (text == null && url.isEmpty()) {
            return new Skipped(id, type, "no text and no http(s) URL to watch");
        }
        String observedAt = firstText(
                object,
                switch (type) {
                    case "report" -> List.of("published", "created");
                    case "observed-data" -> List.of("first_observed", "created");
                    case "indicator" -> List.of("valid_from", "created");
                    default -> List.of("created");
                });
        ObjectNode signal = Json.mapper().createObjectNode();
        signal.put("external_id", id);
        signal.put(
                "kind",
                switch (type) {
                    case "report" -> "report";
                    case "note" -> "comment";
                    default -> "other";
                });
        if (observedAt != null) {
            signal.put("observed_at", observedAt);
        }
        url.ifPresent(u -> signal.put("url", u));
        if (text != null) {
            signal.put("text", text);
        }
        String language = object.path("lang").asText("");
        if (LANGUAGE.matcher(language).matches()) {
            signal.put("language", language);
        }
        signal.put("tlp", tlp.orElse(Tlp.GREEN).label());
        Set<String> disarm = context.disarmFor(object, id);
        if (!disarm.isEmpty()) {
            ArrayNode techniques = signal.putObject("labels").putArray("disarm");
            disarm.forEach(techniques::add);
        }
        ObjectNode stix = signal.putObject("stix");
        stix.put("id", id);
        stix.put("type", type);
        if (object.hasNonNull("created_by_ref")) {
            stix.put("created_by_ref", object.get("created_by_ref").asText());
        }
        return new Candidate(id, type, signal.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String join(String first, String second) {
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {first, second}) {
            if (part != null && !part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    private static String firstText(JsonNode object, List<String> fields) {
        for (String field : fields) {
            if (object.hasNonNull(field)) {
                return object.get(field).asText();
            }
        }
        return null;
    }

    private static Optional<String> patternUrl(String pattern) {
        Matcher matcher = PATTERN_URL.matcher(pattern);
        while (matcher.find()) {
            String url = matcher.group(1).replace("\\'", "'").replace("\\\\", "\\");
            if (HTTP_URL.matcher(url).matches()) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    /** The first http(s) external reference that is not a technique's (DISARM, ATT&CK) page. */
    private static Optional<String> referenceUrl(JsonNode object) {
        for (JsonNode reference : object.path("external_references")) {
            String url = reference.path("url").asText("");
            if (HTTP_URL.matcher(url).matches() && !isTechniqueReference(reference)) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    private static boolean isTechniqueReference(JsonNode reference) {
        String sourceName = reference.path("source_name").asText("").toLowerCase(Locale.ROOT);
        return sourceName.contains("disarm") || sourceName.contains("mitre");
    }

    /** What the bundle says about markings, techniques and observables, gathered in one pass. */
    private record Context(
            Map<String, Tlp> tlpMarkings,
            Set<String> unknownTlpMarkings,
            Set<String> otherMarkings,
            Map<String, String> techniques,
            Map<String, Set<String>> related,
            Map<String, String> urlObservables) {

        static Context of(JsonNode objects) {
            Context context = new Context(
                    new HashMap<>(),
                    new HashSet<>(),
                    new HashSet<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>());
            for (JsonNode object : objects) {
                String id = object.path("id").asText("");
                switch (object.path("type").asText("")) {
                    case "marking-definition" -> context.addMarking(id, object);
                    case "attack-pattern" ->
                        disarmId(object).ifPresent(technique -> context.techniques.put(id, technique));
                    case "relationship" -> {
                        String from = object.path("source_ref").asText("");
                        String to = object.path("target_ref").asText("");
                        context.related
                                .computeIfAbsent(from, k -> new LinkedHashSet<>())
                                .add(to);
                        context.related
                                .computeIfAbsent(to, k -> new LinkedHashSet<>())
                                .add(from);
                    }
                    case "url" ->
                        context.urlObservables.put(id, object.path("value").asText(""));
                    default -> {}
                }
            }
            return context;
        }

        /**
         * A marking-definition of the bundle: TLP by its name ({@code TLP:AMBER}), its TLP 1.0 definition or its TLP 2.0
         * extension ({@code "tlp_2_0": "amber+strict"}); when they disagree the most restrictive counts. Ids are compared
         * in lower case (STIX ids are lower case; a partner's tool that upper-cases them must not lose the marking).
         */
        private void addMarking(String id, JsonNode marking) {
            List<String> levels = new ArrayList<>();
            String name = marking.path("name").asText("");
            if (name.regionMatches(true, 0, "TLP:", 0, 4)) {
                levels.add(name.substring(4));
            }
            if ("tlp".equals(marking.path("definition_type").asText())) {
                levels.add(marking.path("definition").path("tlp").asText(""));
            }
            marking.path("extensions").forEach(extension -> {
                if (extension.has("tlp_2_0")) {
                    levels.add(extension.path("tlp_2_0").asText(""));
                }
            });
            String key = id.toLowerCase(Locale.ROOT);
            if (levels.isEmpty()) {
                otherMarkings.add(key);
                return;
            }
            Optional<Tlp> most = Optional.empty();
            for (String level : levels) {
                Optional<Tlp> tlp = Tlp.fromLabel(level.trim().equalsIgnoreCase("white") ? "CLEAR" : level);
                if (tlp.isEmpty()) {
                    unknownTlpMarkings.add(key);
                    return;
                }
                most = Optional.of(most.map(m -> m.mostRestrictive(tlp.get())).orElse(tlp.get()));
            }
            tlpMarkings.merge(key, most.get(), Tlp::mostRestrictive);
        }

        /**
         * The most restrictive TLP among the object's markings, object-level and granular ({@code granular_markings}: a
         * signal's text mixes the marked properties, so the strictest part marks all of it); empty when it has none.
         * Markings that are not TLP (statements) are ignored. Fails closed: a reference that is not a list of ids, a TLP
         * marking of an unknown level, or a reference to a marking neither standard nor defined in the bundle is an error.
         */
        Optional<Tlp> tlp(JsonNode object) {
            JsonNode refs = object.path("object_marking_refs");
            if (!refs.isMissingNode() && !refs.isNull() && !refs.isArray()) {
                throw new IllegalArgumentException("object_marking_refs: must be a list of marking-definition ids, not "
                        + refs.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            List<JsonNode> all = new ArrayList<>();
            refs.forEach(all::add);
            JsonNode granular = object.path("granular_markings");
            if (!granular.isMissingNode() && !granular.isNull() && !granular.isArray()) {
                throw new IllegalArgumentException("granular_markings: must be a list of granular markings");
            }
            for (JsonNode marking : granular) {
                if (marking.has("marking_ref")) {
                    all.add(marking.get("marking_ref"));
                } else if (!marking.has("lang")) {
                    throw new IllegalArgumentException(
                            "granular_markings: a granular marking has a marking_ref or a lang");
                }
            }
            Optional<Tlp> most = Optional.empty();
            for (JsonNode ref : all) {
                if (!ref.isTextual()) {
                    throw new IllegalArgumentException(
                            "object_marking_refs: a marking reference is a marking-definition id" + " string, not "
                                    + ref.getNodeType().name().toLowerCase(Locale.ROOT));
                }
                String id = ref.asText().trim().toLowerCase(Locale.ROOT);
                Tlp tlp = STANDARD_TLP_MARKINGS.get(id);
                Tlp defined = tlpMarkings.get(id);
                tlp = tlp == null ? defined : defined == null ? tlp : tlp.mostRestrictive(defined);
                if (tlp == null && unknownTlpMarkings.contains(id)) {
                    throw new IllegalArgumentException(
                            "object_marking_refs: " + id + " is a TLP marking of an unknown level");
                }
                if (tlp == null && !otherMarkings.contains(id)) {
                    throw new IllegalArgumentException(
                            "object_marking_refs: " + id + " is neither a standard TLP marking nor"
                                    + " a marking-definition in the bundle; include its marking-definition object");
                }
                if (tlp != null) {
                    Tlp found = tlp;
                    most = Optional.of(most.map(m -> m.mostRestrictive(found)).orElse(found));
                }
            }
            return most;
        }

        /** The DISARM ids of the attack-patterns the object refers to (object_refs, or relationships either way). */
        Set<String> disarmFor(JsonNode object, String id) {
            Set<String> found = new LinkedHashSet<>();
            for (JsonNode ref : object.path("object_refs")) {
                Optional.ofNullable(techniques.get(ref.asText())).ifPresent(found::add);
            }
            for (String other : related.getOrDefault(id, Set.of())) {
                Optional.ofNullable(techniques.get(other)).ifPresent(found::add);
            }
            return found;
        }

        Optional<String> observedUrl(JsonNode observedData) {
            for (JsonNode ref : observedData.path("object_refs")) {
                String url = urlObservables.get(ref.asText());
                if (url != null && HTTP_URL.matcher(url).matches()) {
                    return Optional.of(url);
                }
            }
            return Optional.empty();
        }

        String whyNotMapped(String type) {
            return switch (type) {
                case "marking-definition" -> "context: a marking, applied to the objects that refer to it";
                case "attack-pattern" -> "context: a technique, given as labels.disarm to the objects that refer to it";
                case "relationship" -> "context: links objects to techniques";
                case "url" -> "context: an observable, used as the url of observed-data that refers to it";
                case "identity" -> "context: who made the objects (kept as stix.created_by_ref)";
                default -> "type " + type + " is not mapped to signals (mapped: " + MAPPED_TYPES + ")";
            };
        }

        private static Optional<String> disarmId(JsonNode attackPattern) {
            for (JsonNode reference : attackPattern.path("external_references")) {
                String externalId = reference.path("external_id").asText("");
                if (DISARM_ID.matcher(externalId).matches()
                        && reference
                                .path("source_name")
                                .asText("")
                                .toLowerCase(Locale.ROOT)
                                .contains("disarm")) {
                    return Optional.of(externalId);
                }
            }
            return Optional.empty();
        }
    }
}
