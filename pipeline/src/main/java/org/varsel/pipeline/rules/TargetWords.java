package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.varsel.pipeline.rules.NamedTargets.WordSpan;

/**
 * Whom a text names and whether it speaks of violence, as the rules' lexicons read it: the groups of the
 * {@code target-group} and {@code slur} entries it holds, a person's name ({@code _person_}), the reader addressed
 * ("you"), and a {@code violent-action} word. It tells whether a text has a target at all; what it says of the target is
 * the rules' and the classifier's business.
 */
public final class TargetWords {

    /**
     * Second-person pronouns, English and Danish, as analysed: a closed class of grammar, not a lexicon of harms (a
     * threat to the reader names its target this way). Danish plural "I" is left out: lower-cased it is "i" ("in").
     */
    private static final Set<String> READER =
            Set.of("you", "your", "yourself", "yourselv", "u", "ur", "ya", "du", "dig", "din", "dit", "dine", "jer");

    private static final class Bundled {
        static final TargetWords LEXICONS = of(BundledRules.load());
    }

    private final Lexicons lexicons;
    private final Analyzer analyzer;

    private TargetWords(Lexicons lexicons) {
        this.lexicons = lexicons;
        this.analyzer = RuleAnalyzer.forDocuments(lexicons.all());
    }

    /** The lexicons of this pack. */
    public static TargetWords of(RulePack pack) {
        return new TargetWords(new Lexicons(pack.lexicons()));
    }

    /** The lexicons of the pack bundled into this build, read once. */
    public static TargetWords bundled() {
        return Bundled.LEXICONS;
    }

    /** What this text names, read in the fields its language tag selects (as rule matching reads it). */
    public NamedTargets in(String text, Optional<String> language) {
        if (text == null || text.isBlank()) {
            return NamedTargets.NONE;
        }
        Set<String> groups = new LinkedHashSet<>();
        boolean person = false;
        List<WordSpan> words = new ArrayList<>();
        for (RuleLanguage field : RuleEngine.fieldsFor(language)) {
            List<Lexicons.Token> tokens = Lexicons.analyse(analyzer, field, text);
            WordNumbers numbers = new WordNumbers(tokens);
            for (Lexicons.Token token : tokens) {
                person |= PersonNameFilter.TOKEN.equals(token.term());
                if (READER.contains(token.term())) {
                    int at = numbers.at(token.start());
                    words.add(new WordSpan(Optional.empty(), false, at, at));
                }
            }
            for (Lexicons.Occurrence o : lexicons.occurrences(field, tokens)) {
                LexiconKind kind = o.lexicon().kind();
                boolean namesGroup = kind.namesGroups() && !o.entry().group().isEmpty();
                if (namesGroup) {
                    groups.add(o.entry().group());
                }
                words.add(new WordSpan(Optional.of(kind), namesGroup, numbers.at(o.start()), numbers.at(o.end() - 1)));
            }
        }
        return new NamedTargets(List.copyOf(groups), person, List.copyOf(words));
    }

    /**
     * The number of the word at a character offset: the analysis stacks markers and as-written forms on the word they
     * mark (same offsets), so words are counted by the distinct offsets they start at, not by tokens.
     */
    private static final class WordNumbers {
        private final TreeMap<Integer, Integer> byStart = new TreeMap<>();

        WordNumbers(List<Lexicons.Token> tokens) {
            for (Lexicons.Token token : tokens) {
                byStart.putIfAbsent(token.start(), byStart.size());
            }
        }

        int at(int offset) {
            Map.Entry<Integer, Integer> word = byStart.floorEntry(offset);
            return word == null ? 0 : word.getValue();
        }
    }
}
