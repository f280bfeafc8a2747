package org.varsel.pipeline.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.varsel.contract.Tlp;

/**
 * Reads the YAML rule files of a directory into rules, checking every field and remembering where
 * each rule came from. Query syntax and examples are checked later, by {@link RuleCheck}.
 */
final class RuleFiles {

    /** Fewest {@code match} and {@code no_match} examples a rule needs. */
    static final int MIN_EXAMPLES = 3;

    static final Set<String> CATEGORIES = Set.of(
            "dangerous-speech",
            "incitement",
            "influence-operation",
            "terrorist-content",
            // harms to children (docs/child-safety.md)
            "child-self-harm",
            "child-dangerous-challenge",
            "child-grooming",
            "child-sextortion",
            "child-bullying",
            // a text's stance (counter-speech, reported speech): lowers what its other rules count (docs/incidents.md)
            "context");
    static final Set<String> HALLMARKS = Set.of(
            "dehumanisation",
            "accusation-in-a-mirror",
            "threat-to-group-integrity",
            "attack-against-women-and-girls",
            "questioning-in-group-loyalty",
            // an explicit threat or call to violence: not one of the Dangerous Speech Project's five, the harm they
            // lead to
            "threat");
    static final Set<String> TERRORIST_CONTENT_TIERS =
            Set.of("threat-to-life", "crisis", "designated-group", "promotional");
    /** What a threat names ({@code tcap:time}, ...), which puts it in the threat-to-life tier (docs/incidents.md). */
    static final Set<String> THREAT_CIRCUMSTANCES = Set.of("time", "place", "means");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,79}");
    private static final Pattern DISARM_TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final List<String> FIELDS = List.of(
            "id",
            "title",
            "description",
            "query",
            "languages",
            "category",
            "tags",
            "severity",
            "tlp",
            "status",
            "owner",
            "target_groups",
            "examples");
    /** The fields a rule may leave out; every other field of {@link #FIELDS} is required. */
    private static final Set<String> OPTIONAL = Set.of("tags", "target_groups");

    /** A rule and where its fields are: {@code line("query")}, {@code line("examples/match/2")}. */
    record SourcedRule(Rule rule, Path file, LocatedYaml yaml, String pointer) {
        int line(String field) {
            return yaml.line(field.isEmpty() ? pointer : pointer + "/" + field);
        }
    }

    /** The rules and lexicons that parsed and the problems found in them. */
    record Loaded(List<SourcedRule> rules, List<LexiconFiles.SourcedLexicon> lexicons, List<RuleProblem> problems) {}

    private RuleFiles() {}

    static Loaded load(Path dir) {
        List<SourcedRule> rules = new ArrayList<>();
        List<LexiconFiles.SourcedLexicon> lexicons = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(RuleProblem.error(dir, 0, "not a directory"));
            return new Loaded(rules, lexicons, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(RuleProblem.error(dir, 0, "cannot list: " + e.getMessage()));
            return new Loaded(rules, lexicons, problems);
        }
        if (files.isEmpty()) {
            problems.add(RuleProblem.error(dir, 0, "no rule files (*.yaml, *.yml)"));
        }
        for (Path file : files) {
            readFile(file, rules, lexicons, problems);
        }
        checkUniqueIds(rules, problems);
        checkUniqueLexicons(lexicons, problems);
        return new Loaded(rules, lexicons, problems);
    }

    private static void readFile(
            Path file,
            List<SourcedRule> rules,
            List<LexiconFiles.SourcedLexicon> lexicons,
            List<RuleProblem> problems) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.read(file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(RuleProblem.error(file, line, "not valid YAML: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(RuleProblem.error(file, 0, "cannot read: " + e.getMessage()));
            return;
        }
        for (String duplicate : yaml.duplicateKeys) {
            problems.add(RuleProblem.error(
                    file,
                    yaml.line(duplicate),
                    "key '" + duplicate.substring(duplicate.lastIndexOf('/') + 1) + "' is given twice"));
        }
        JsonNode root = yaml.root;
        if (LexiconFiles.isLexicon(root)) {
            LexiconFiles.read(file, yaml, lexicons, problems);
        } else if (root != null
                && root.isObject()
                && root.has("rules")
                && root.size() == 1
                && root.get("rules").isArray()) {
            for (int i = 0; i < root.get("rules").size(); i++) {
                readRule(file, yaml, "/rules/" + i, rules, problems);
            }
        } else if (root != null && root.isObject() && root.has("id")) {
            readRule(file, yaml, "", rules, problems);
        } else {
            problems.add(RuleProblem.error(
                    file,
                    1,
                    "a rule file holds either 'rules:' (a list of rules), one rule (starting with 'id:')"
                            + " or one lexicon (starting with 'lexicon:')"));
        }
    }

    private static void readRule(
            Path file, LocatedYaml yaml, String pointer, List<SourcedRule> rules, List<RuleProblem> problems) {
        JsonNode node = yaml.root.at(pointer);
        YamlFields f = new YamlFields(file, yaml, pointer, node, problems);
        if (!node.isObject()) {
            f.error("", "a rule must be a mapping of fields");
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                f.error(name, "unknown field '" + name + "'; known fields: " + String.join(", ", FIELDS));
            }
        }
        for (String name : FIELDS) {
            if (!OPTIONAL.contains(name) && !node.hasNonNull(name)) {
                f.error("", "missing required field '" + name + "'");
            }
        }
        int before = problems.size();
        String id = f.text("id");
        if (id != null && !ID.matcher(id).matches()) {
            f.error("id", "id '" + id + "' must be 3-80 characters of a-z, 0-9, '.', '_', '-'");
        }
        String title = f.text("title");
        String description = f.text("description");
        if (description != null) {
            DescriptionTemplate.problems(description).forEach(p -> f.error("description", p));
        }
        String query = f.text("query");
        List<RuleLanguage> languages = new ArrayList<>();
        List<String> languageCodes = f.list("languages");
        for (int i = 0; i < languageCodes.size(); i++) {
            String code = languageCodes.get(i);
            Optional<RuleLanguage> l = RuleLanguage.ofCode(code);
            if (l.isEmpty()) {
                f.error("languages/" + i, "unknown language '" + code + "'; known: " + RuleLanguage.codes());
            } else if (languages.contains(l.get())) {
                f.error("languages/" + i, "language '" + code + "' is listed twice");
            } else {
                languages.add(l.get());
            }
        }
        if (node.has("languages") && languageCodes.isEmpty()) {
            f.error("languages", "languages must list at least one of " + RuleLanguage.codes());
        }
        String category = f.text("category");
        if (category != null && !CATEGORIES.contains(category)) {
            f.error("category", "unknown category '" + category + "'; known: " + sorted(CATEGORIES));
        }
        List<String> tags = f.list("tags");
        checkTags(f, category, tags);
        int severity = 0;
        if (node.has("severity")) {
            JsonNode s = node.get("severity");
            if (!s.isIntegralNumber() || s.asLong() < 1 || s.asLong() > 5) {
                f.error("severity", "severity must be a whole number from 1 to 5, not '" + s.asText() + "'");
            } else {
                severity = s.asInt();
            }
        }
        String tlpLabel = f.text("tlp");
        Optional<Tlp> tlp = tlpLabel == null ? Optional.empty() : Tlp.fromLabel(tlpLabel);
        if (tlpLabel != null && tlp.isEmpty()) {
            f.error("tlp", "tlp '" + tlpLabel + "' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
        }
        String statusCode = f.text("status");
        Optional<RuleStatus> status = statusCode == null ? Optional.empty() : RuleStatus.ofCode(statusCode);
        if (statusCode != null && status.isEmpty()) {
            f.error("status", "status '" + statusCode + "' is not one of active, shadow, disabled");
        }
        String owner = f.text("owner");
        List<String> targetGroups = f.list("target_groups");
        Rule.Examples examples = examples(f, node.get("examples"), MIN_EXAMPLES);
        if (problems.size() > before || id == null || query == null || tlp.isEmpty() || status.isEmpty()) {
            return;
        }
        Rule rule = new Rule(
                id,
                title,
                description,
                query,
                languages,
                category,
                tags,
                severity,
                tlp.get(),
                status.get(),
                owner,
                targetGroups,
                examples);
        rules.add(new SourcedRule(rule, file, yaml, pointer));
    }

    private static void checkTags(YamlFields f, String category, List<String> tags) {
        boolean hallmark = false;
        boolean disarm = false;
        boolean tier = false;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            int colon = tag.indexOf(':');
            String ns = colon < 0 ? "" : tag.substring(0, colon);
            String value = colon < 0 ? tag : tag.substring(colon + 1);
            String at = "tags/" + i;
            switch (ns) {
                case "hallmark":
                    hallmark = true;
                    if (!HALLMARKS.contains(value)) {
                        f.error(at, "unknown Dangerous Speech hallmark '" + value + "'; known: " + sorted(HALLMARKS));
                    }
                    break;
                case "disarm":
                    disarm = true;
                    if (!DISARM_TECHNIQUE.matcher(value).matches()) {
                        f.error(at, "DISARM technique id '" + value + "' must look like T0049 or T0049.001");
                    }
                    break;
                case "tcap":
                    tier |= TERRORIST_CONTENT_TIERS.contains(value);
                    if (!TERRORIST_CONTENT_TIERS.contains(value) && !THREAT_CIRCUMSTANCES.contains(value)) {
                        f.error(
                                at,
                                "unknown tcap: tag '" + value + "'; known tiers: " + sorted(TERRORIST_CONTENT_TIERS)
                                        + ", and what a threat names: " + sorted(THREAT_CIRCUMSTANCES));
                    }
                    break;
                case "topic":
                    if (!TOPIC.matcher(value).matches()) {
                        f.error(at, "topic '" + value + "' must be lower-case words joined by '-'");
                    }
                    break;
                case "scope":
                    if (!"sentence".equals(value) || !"context".equals(category)) {
                        f.error(
                                at,
                                "scope: takes 'sentence', on a context rule only (it reaches the sentences it"
                                        + " matched in)");
                    }
                    break;
                default:
                    f.error(at, "tag '" + tag + "' needs a known prefix: hallmark:, disarm:, tcap:, topic: or scope:");
            }
        }
        if ("dangerous-speech".equals(category) && !hallmark) {
            f.error("tags", "a dangerous-speech rule needs at least one hallmark: tag");
        }
        if ("influence-operation".equals(category) && !disarm) {
            f.error("tags", "an influence-operation rule needs at least one disarm: technique tag");
        }
        if ("terrorist-content".equals(category) && !tier) {
            f.error("tags", "a terrorist-content rule needs a tcap: tier tag");
        }
    }

    static Rule.Examples examples(YamlFields f, JsonNode node, int minExamples) {
        if (node == null || node.isNull()) {
            return new Rule.Examples(List.of(), List.of());
        }
        if (!node.isObject()) {
            f.error("examples", "examples must be a mapping with 'match:' and 'no_match:' lists");
            return new Rule.Examples(List.of(), List.of());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("match") && !name.equals("no_match") && !name.equals("reported")) {
                f.error("examples/" + name, "unknown examples key '" + name + "'; use match, no_match and reported");
            }
        }
        List<String> match = f.list("examples/match");
        List<String> noMatch = f.list("examples/no_match");
        List<String> reported = f.list("examples/reported");
        if (match.size() < minExamples) {
            f.error("examples", "needs at least " + minExamples + " 'match' examples, has " + match.size());
        }
        if (noMatch.size() < minExamples) {
            f.error("examples", "needs at least " + minExamples + " 'no_match' examples, has " + noMatch.size());
        }
        return new Rule.Examples(match, noMatch, reported);
    }

    private static void checkUniqueIds(List<SourcedRule> rules, List<RuleProblem> problems) {
        Map<String, SourcedRule> first = new java.util.HashMap<>();
        for (SourcedRule r : rules) {
            SourcedRule earlier = first.putIfAbsent(r.rule().id(), r);
            if (earlier != null) {
                problems.add(RuleProblem.error(
                        r.file(),
                        r.line("id"),
                        "duplicate rule id '" + r.rule().id() + "' (first at " + earlier.file() + ":"
                                + earlier.line("id") + ")"));
            }
        }
    }

    private static void checkUniqueLexicons(List<LexiconFiles.SourcedLexicon> lexicons, List<RuleProblem> problems) {
        Map<String, LexiconFiles.SourcedLexicon> first = new java.util.HashMap<>();
        for (LexiconFiles.SourcedLexicon l : lexicons) {
            String key = l.lexicon().name() + " (" + l.lexicon().language().code() + ")";
            LexiconFiles.SourcedLexicon earlier = first.putIfAbsent(key, l);
            if (earlier != null) {
                problems.add(RuleProblem.error(
                        l.file(),
                        l.line("lexicon"),
                        "duplicate lexicon " + key + " (first at " + earlier.file() + ":" + earlier.line("lexicon")
                                + ")"));
            }
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
