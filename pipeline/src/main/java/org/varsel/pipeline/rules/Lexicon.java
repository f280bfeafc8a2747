package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named word list for one language that rules reference as {@code @name}: target groups, slurs, violent actions,
 * dehumanising metaphors, imperatives, times, places, weapons, or counter-speech context. Format: docs/rules.md.
 */
public record Lexicon(
        String name,
        RuleLanguage language,
        LexiconKind kind,
        String description,
        String owner,
        List<Entry> entries,
        Rule.Examples examples) {

    public Lexicon {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        description = Objects.requireNonNullElse(description, "");
        owner = Objects.requireNonNullElse(owner, "");
        entries = List.copyOf(entries);
        examples = examples == null ? new Rule.Examples(List.of(), List.of()) : examples;
    }

    /** One word with its inflected forms, and for target groups and slurs the group it names. */
    public record Entry(String term, List<String> forms, String group) {
        public Entry {
            Objects.requireNonNull(term, "term");
            forms = forms == null ? List.of() : List.copyOf(forms);
            group = Objects.requireNonNullElse(group, "");
        }

        /** The term and its forms, as written. */
        public List<String> allForms() {
            List<String> all = new ArrayList<>(forms.size() + 1);
            all.add(term);
            forms.stream().filter(f -> !all.contains(f)).forEach(all::add);
            return all;
        }
    }
}
