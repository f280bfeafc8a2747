package org.varsel.pipeline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a lexicon file (a YAML mapping that starts with {@code lexicon:}) into a {@link Lexicon}, checking every
 * field and entry at its line. Whether the forms survive analysis and the examples hold is {@link LexiconCheck}'s.
 */
final class LexiconFiles {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    /** Group names are shared across languages ({@code muslimer} and {@code Muslims} both name {@code muslims}). */
    static final Pattern GROUP = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    static final int MIN_EXAMPLES = 1;

    private static final List<String> FIELDS =
            List.of("lexicon", "language", "kind", "description", "owner", "entries", "examples");
    private static final Set<String> REQUIRED =
            Set.of("lexicon", "language", "kind", "description", "owner", "entries", "examples");
    private static final List<String> ENTRY_FIELDS = List.of("term", "forms", "group");

    /**
     * A lexicon and where its fields and entries are: {@code line("examples/match/1")}; {@code entryAt.get(i)} is
     * the path of the i-th entry that parsed ({@code entries/3}).
     */
    record SourcedLexicon(Lexicon lexicon, Path file, LocatedYaml yaml, List<String> entryAt) {
        int line(String field) {
            return yaml.line(field.isEmpty() ? "" : "/" + field);
        }
    }

    private LexiconFiles() {}

    static boolean isLexicon(JsonNode root) {
        return root != null && root.isObject() && root.has("lexicon");
    }

    static void read(Path file, LocatedYaml yaml, List<SourcedLexicon> lexicons, List<RuleProblem> problems) {
        JsonNode node = yaml.root;
        YamlFields f = new YamlFields(file, yaml, "", node, problems);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                f.error(name, "unknown field '" + name + "'; known fields: " + String.join(", ", FIELDS));
            }
        }
        REQUIRED.stream()
                .sorted()
                .filter(name -> !node.hasNonNull(name))
                .forEach(name -> f.error("", "missing required field '" + name + "'"));
        String name = f.text("lexicon");
        if (name != null && !NAME.matcher(name).matches()) {
            f.error(
                    "lexicon",
                    "lexicon name '" + name + "' must be 2-40 of a-z, 0-9, '_' starting with a letter"
                            + " (rules write it as @" + name + ")");
        }
        String languageCode = f.text("language");
        Optional<RuleLanguage> language = languageCode == null ? Optional.empty() : RuleLanguage.ofCode(languageCode);
        if (languageCode != null && language.isEmpty()) {
            f.error("language", "unknown language '" + languageCode + "'; known: " + RuleLanguage.codes());
        }
        String kindCode = f.text("kind");
        Optional<LexiconKind> kind = kindCode == null ? Optional.empty() : LexiconKind.ofCode(kindCode);
        if (kindCode != null && kind.isEmpty()) {
            f.error(
                    "kind",
                    "unknown lexicon kind '" + kindCode + "'; known: "
                            + String.join(
                                    ", ",
                                    Arrays.stream(LexiconKind.values())
                                            .map(LexiconKind::code)
                                            .toList()));
        }
        String description = f.text("description");
        String owner = f.text("owner");
        List<String> entryAt = new ArrayList<>();
        List<Lexicon.Entry> entries = entries(f, node.get("entries"), kind, entryAt);
        Rule.Examples examples = RuleFiles.examples(f, node.get("examples"), MIN_EXAMPLES);
        if (name == null || !NAME.matcher(name).matches() || language.isEmpty() || kind.isEmpty()) {
            return; // without these it cannot be referenced; other problems do not hide the checks of its entries
        }
        lexicons.add(new SourcedLexicon(
                new Lexicon(name, language.get(), kind.get(), description, owner, entries, examples),
                file,
                yaml,
                List.copyOf(entryAt)));
    }

    private static List<Lexicon.Entry> entries(
            YamlFields f, JsonNode node, Optional<LexiconKind> kind, List<String> entryAt) {
        List<Lexicon.Entry> entries = new ArrayList<>();
        if (node == null || node.isNull()) {
            return entries;
        }
        if (!node.isArray() || node.isEmpty()) {
            f.error("entries", "entries must be a non-empty list of words or {term, forms, group} mappings");
            return entries;
        }
        Map<String, String> firstAt = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String at = "entries/" + i;
            JsonNode e = node.get(i);
            String term;
            List<String> forms = List.of();
            String group = null;
            if (e.isValueNode() && !e.asText().isBlank()) {
                term = e.asText().strip();
            } else if (e.isObject()) {
                YamlFields ef = new YamlFields(f.file(), f.yaml(), "/" + at, e, f.problems());
                for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!ENTRY_FIELDS.contains(name)) {
                        ef.error(name, "unknown entry field '" + name + "'; known: " + String.join(", ", ENTRY_FIELDS));
                    }
                }
                term = ef.text("term");
                if (term == null) {
                    ef.error("", "an entry needs a 'term'");
                    continue;
                }
                forms = ef.list("forms").stream().map(String::strip).toList();
                group = ef.text("group");
                if (group != null && !GROUP.matcher(group).matches()) {
                    ef.error(
                            "group",
                            "group '" + group + "' must be lower-case words joined by '-' (e.g. muslims, roma)");
                }
                if (group != null && kind.isPresent() && !kind.get().namesGroups()) {
                    ef.error(
                            "group",
                            "only target-group and slur lexicons name groups; this one is "
                                    + kind.get().code());
                }
            } else {
                f.error(at, "an entry is a word or a mapping with term, forms and group");
                continue;
            }
            Lexicon.Entry entry = new Lexicon.Entry(term, forms, group);
            for (String form : entry.allForms()) {
                String key = form.toLowerCase(Locale.ROOT);
                String earlier = firstAt.putIfAbsent(key, at);
                if (earlier != null && !earlier.equals(at)) {
                    f.error(
                            at,
                            "form '" + form + "' is already listed (line "
                                    + f.yaml().line("/" + earlier) + ")");
                }
            }
            entries.add(entry);
            entryAt.add(at);
        }
        return entries;
    }
}
