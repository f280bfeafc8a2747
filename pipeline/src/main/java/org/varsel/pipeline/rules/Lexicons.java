package org.varsel.pipeline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A pack's lexicons with every form analysed as rules and signals are (stemmed, folded), so that {@code @name} in a
 * query expands to exactly the words a signal can hold, and a hit can tell which entry (and so which group) it saw.
 */
final class Lexicons {

    /** Most distinct analysed forms in one lexicon: a reference expands to one clause per form. */
    static final int MAX_FORMS = 1_000;

    static final Lexicons NONE = new Lexicons(List.of());

    /** A word as analysed, with where it stands in the text. */
    record Token(String term, int start, int end) {}

    /** One distinct analysed form of an entry of a lexicon (an equal entry in two lexicons is two forms). */
    record Form(List<String> tokens, Lexicon.Entry entry, Lexicon lexicon) {}

    /** Where an entry was found in a text (character offsets into the text). */
    record Occurrence(Lexicon lexicon, Lexicon.Entry entry, int start, int end) {}

    /** The distinct analysed forms of one lexicon, or of several ({@code @group|slur}). */
    static final class Analysed {
        final List<Form> forms;
        /** Where {@link #intervals} numbers its first words, and the field they are numbered in. */
        private final NamedTerms named;

        private final String field;

        private Analysed(List<Form> forms, NamedTerms named, String field) {
            this.forms = forms;
            this.named = named;
            this.field = field;
        }

        Analysed and(Analysed other) {
            Map<List<String>, Form> distinct = new LinkedHashMap<>();
            forms.forEach(f -> distinct.putIfAbsent(f.tokens, f));
            other.forms.forEach(f -> distinct.putIfAbsent(f.tokens, f));
            return new Analysed(List.copyOf(distinct.values()), named, field);
        }

        /** Any of the forms: a term or a phrase each. */
        Query disjunction(String field) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Form f : forms) {
                any.add(
                        f.tokens.size() == 1
                                ? new TermQuery(new Term(field, f.tokens.get(0)))
                                : new PhraseQuery(field, f.tokens.toArray(String[]::new)),
                        BooleanClause.Occur.SHOULD);
            }
            return any.build();
        }

        /** Any of the forms, as an interval source for proximity. */
        IntervalsSource intervals() {
            return LexiconIntervals.anyOf(forms.stream().map(Form::tokens).toList(), named, field);
        }
    }

    private record Key(String name, RuleLanguage language) {}

    private final List<Lexicon> lexicons;
    /** The lexicons' first words as proximity sources number them, with the terms the rules name. */
    private final NamedTerms named = new NamedTerms();

    private final Map<Key, Analysed> analysed = new HashMap<>();
    /** Per language, every lexicon's distinct analysed forms, in the lexicons' order. */
    private final Map<RuleLanguage, List<Form>> formsByLanguage = new HashMap<>();
    /** Every form, for finding any entry in a text. */
    private final Index every;

    private final Map<RuleLanguage, IntervalsSource> negations = new HashMap<>();
    private final Map<RuleLanguage, Set<String>> negationWords = new HashMap<>();
    private final Set<Key> negationLexicons = new HashSet<>();

    Lexicons(List<Lexicon> lexicons) {
        this.lexicons = List.copyOf(lexicons);
        Analyzer analyzer = RuleAnalyzer.perField();
        for (Lexicon lexicon : this.lexicons) {
            Map<List<String>, Form> distinct = new LinkedHashMap<>();
            for (Lexicon.Entry entry : lexicon.entries()) {
                for (String form : entry.allForms()) {
                    List<String> tokens = AsWritten.analyse(analyzer, lexicon.language(), form);
                    if (!tokens.isEmpty()) {
                        distinct.putIfAbsent(tokens, new Form(tokens, entry, lexicon));
                    }
                }
            }
            List<Form> forms = List.copyOf(distinct.values());
            String field = lexicon.language().field();
            analysed.putIfAbsent(new Key(lexicon.name(), lexicon.language()), new Analysed(forms, named, field));
            formsByLanguage
                    .computeIfAbsent(lexicon.language(), l -> new ArrayList<>())
                    .addAll(forms);
            if (lexicon.kind() == LexiconKind.NEGATION && !forms.isEmpty()) {
                negationLexicons.add(new Key(lexicon.name(), lexicon.language()));
                IntervalsSource these = LexiconIntervals.anyShortestOf(
                        forms.stream().map(Form::tokens).toList(), named, field);
                negations.merge(lexicon.language(), these, (a, b) -> Intervals.or(false, a, b));
                forms.forEach(f -> negationWords
                        .computeIfAbsent(lexicon.language(), l -> new HashSet<>())
                        .addAll(f.tokens));
            }
        }
        every = index(f -> true);
    }

    List<Lexicon> all() {
        return lexicons;
    }

    /**
     * The terms the lexicons' proximity sources ({@link Analysed#intervals}) number: an engine numbers its rules' terms
     * there too, and reads a document's once for both.
     */
    NamedTerms namedTerms() {
        return named;
    }

    /** True when the analysed word is (part of) a form of a {@code negation} lexicon of this language. */
    boolean isNegation(RuleLanguage language, String word) {
        return negationWords.getOrDefault(language, Set.of()).contains(word);
    }

    /** True when a reference ({@code @negation}, {@code @group|negation}) names a {@code negation} lexicon. */
    boolean namesNegation(RuleLanguage language, String reference) {
        return Arrays.stream(reference.substring(1).split("\\|"))
                .anyMatch(name -> negationLexicons.contains(new Key(name, language)));
    }

    /** The forms of every {@code negation} lexicon of this language, as one interval source. */
    Optional<IntervalsSource> negations(RuleLanguage language) {
        return Optional.ofNullable(negations.get(language));
    }

    Optional<Analysed> find(String name, RuleLanguage language) {
        return Optional.ofNullable(analysed.get(new Key(name, language)));
    }

    /** The text's words as the rules of this language see them, with offsets into the text. */
    static List<Token> analyse(Analyzer perField, RuleLanguage language, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = perField.tokenStream(language.field(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Every place an entry of this language's lexicons occurs in the analysed text; longest form first at a place. */
    List<Occurrence> occurrences(RuleLanguage language, List<Token> tokens) {
        return every.occurrences(language, tokens);
    }

    /**
     * The forms {@code kept} keeps, indexed by their first word to find where they occur in a text. A hit reads ~15 %
     * of the pack's forms, and the walk over every form was 7 % of matching (docs/performance.md, "Rule matching's
     * lexicons asked only for the forms a document holds").
     */
    Index index(Predicate<Form> kept) {
        Map<RuleLanguage, Map<String, List<Form>>> byFirstToken = new EnumMap<>(RuleLanguage.class);
        formsByLanguage.forEach((language, forms) -> {
            Map<String, List<Form>> index = byFirstToken.computeIfAbsent(language, l -> new HashMap<>());
            forms.stream()
                    .filter(kept)
                    .forEach(f -> index.computeIfAbsent(f.tokens.get(0), t -> new ArrayList<>())
                            .add(f));
        });
        return new Index(byFirstToken);
    }

    /** Some of the lexicons' forms, per language by their first word. */
    static final class Index {
        private final Map<RuleLanguage, Map<String, List<Form>>> byFirstToken;

        private Index(Map<RuleLanguage, Map<String, List<Form>>> byFirstToken) {
            this.byFirstToken = byFirstToken;
        }

        /** Where each of these forms occurs in the text analysed for this language; longest form first at a place. */
        List<Occurrence> occurrences(RuleLanguage language, List<Token> tokens) {
            Map<String, List<Form>> index = byFirstToken.getOrDefault(language, Map.of());
            List<Occurrence> found = new ArrayList<>();
            if (index.isEmpty()) {
                return found;
            }
            for (int i = 0; i < tokens.size(); i++) {
                for (Form f : index.getOrDefault(tokens.get(i).term(), List.of())) {
                    int end = endOf(f.tokens, tokens, i);
                    if (end > 0) {
                        found.add(new Occurrence(
                                f.lexicon,
                                f.entry,
                                tokens.get(i).start(),
                                tokens.get(end - 1).end()));
                    }
                }
            }
            return found;
        }
    }

    /**
     * The index past the form's last word when the form occurs at {@code at}, else -1. A token stacked on a word (an
     * as-written term, {@link AsWritten}, or a marker such as {@code _past_}) stands in the list right after the word:
     * a form steps over the ones it does not write, and over the word whose stacked token it writes.
     */
    private static int endOf(List<String> form, List<Token> tokens, int at) {
        int j = at;
        for (String f : form) {
            while (j < tokens.size() && !f.equals(tokens.get(j).term()) && steppedOver(f, tokens, j)) {
                j++;
            }
            if (j >= tokens.size() || !f.equals(tokens.get(j).term())) {
                return -1;
            }
            j++;
        }
        return j;
    }

    private static boolean steppedOver(String formWord, List<Token> tokens, int j) {
        return stacked(tokens, j)
                || (j + 1 < tokens.size()
                        && stacked(tokens, j + 1)
                        && formWord.equals(tokens.get(j + 1).term()));
    }

    /** True for a token a filter puts in as a mark ({@code _past_}, {@code _start_}, {@code _report_}), not a word. */
    static boolean isMarker(String term) {
        return term.length() > 2 && term.startsWith("_") && term.endsWith("_");
    }

    /**
     * True when token {@code j} is an as-written term or a marker stacked on the word before it (it keeps the word's
     * offsets); a marker put before a word ({@code _start_}) is not, so no form reads across a sentence's end.
     */
    private static boolean stacked(List<Token> tokens, int j) {
        Token t = tokens.get(j);
        String term = t.term();
        boolean stackable = AsWritten.isWritten(term) || isMarker(term);
        if (!stackable || j == 0) {
            return false;
        }
        Token word = tokens.get(j - 1);
        return word.start() == t.start() && word.end() == t.end();
    }
}
