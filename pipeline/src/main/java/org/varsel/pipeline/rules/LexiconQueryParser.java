package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The rule query parser: classic syntax, plus {@code @name} for "any word of lexicon name" and, inside a quoted
 * proximity that holds a lexicon reference ({@code "@violent_action the @group"~3}), an ordered interval query:
 * the parts in this order with at most N other words between them in all, and no word of the language's
 * {@code negation} lexicon among them (unless the phrase itself writes one, as a word or as {@code @negation}); and
 * {@code =word} for that word as written, not stemmed ({@link AsWritten}), which also makes a quoted phrase ordered;
 * and {@value #ONE_SENTENCE} in a quoted proximity, which makes it ordered and keeps it inside one sentence.
 */
final class LexiconQueryParser extends QueryParser {

    /** {@code @group}, or several lexicons as one: {@code @group|slur}. */
    static final Pattern REFERENCE = Pattern.compile("@[a-z][a-z0-9_]{1,39}(\\|[a-z][a-z0-9_]{1,39})*");

    /**
     * Written in a quoted proximity: its parts must stand in one sentence. "GAYS: Trash Can Bombers" and "White women?
     * Savage as all Hell" put a group word and a dehumanising one side by side with a sentence end between them.
     */
    static final String ONE_SENTENCE = "_one_sentence_";

    /**
     * The first word of every sentence but the text's first: the {@code _start_} marker shares the position of the
     * previous sentence's last word, so the word after it opens the next sentence.
     */
    private static final IntervalsSource SENTENCE_OPENING =
            Intervals.extend(Intervals.term(SentenceStartFilter.TOKEN), -1, 1);

    private final RuleLanguage language;
    private final Lexicons lexicons;
    /** The expansions of lexicon references: the checker counts each as one clause. */
    final Set<Query> expansions = Collections.newSetFromMap(new IdentityHashMap<>());

    final Set<String> errors = new LinkedHashSet<>();

    LexiconQueryParser(RuleLanguage language, Analyzer analyzer, Lexicons lexicons) {
        super(language.field(), analyzer);
        this.language = language;
        this.lexicons = lexicons;
        setDefaultOperator(QueryParser.Operator.AND);
        setAllowLeadingWildcard(true);
        setSplitOnWhitespace(true);
        setAutoGeneratePhraseQueries(true);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (!quoted && queryText.startsWith("@")) {
            Optional<Lexicons.Analysed> lexicon = lexicon(field, queryText);
            if (lexicon.isEmpty()) {
                return new TermQuery(new Term(field, queryText));
            }
            Query q = lexicon.get().disjunction(field);
            expansions.add(q);
            return q;
        }
        if (!quoted && AsWritten.isWritten(queryText)) {
            return new TermQuery(new Term(field, asWritten(queryText)));
        }
        return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        List<String> written = List.of(queryText.trim().split("\\s+"));
        boolean oneSentence = written.contains(ONE_SENTENCE);
        List<String> parts =
                written.stream().filter(p -> !p.equals(ONE_SENTENCE)).toList();
        if (!oneSentence && parts.stream().noneMatch(p -> p.startsWith("@") || AsWritten.isWritten(p))) {
            return super.getFieldQuery(field, queryText, slop);
        }
        List<IntervalsSource> sources = new ArrayList<>();
        boolean negationWritten = false;
        for (String part : parts) {
            if (part.startsWith("@")) {
                lexicon(field, part).ifPresent(l -> sources.add(l.intervals()));
                // "@group @negation @humanity": a phrase that names the negation lexicon writes its negation
                negationWritten |= lexicons.namesNegation(language, part);
            } else if (AsWritten.isWritten(part)) {
                sources.add(Intervals.term(asWritten(part)));
            } else {
                List<String> words = Lexicons.analyse(getAnalyzer(), language, part).stream()
                        .map(Lexicons.Token::term)
                        .toList();
                negationWritten |= words.stream().anyMatch(w -> lexicons.isNegation(language, w));
                if (words.size() == 1) {
                    sources.add(Intervals.term(words.get(0)));
                } else if (words.size() > 1) {
                    sources.add(Intervals.phrase(words.toArray(String[]::new)));
                }
            }
        }
        if (oneSentence && sources.size() < 2) {
            // one part has no sentence end to keep out: the option would be read and do nothing
            errors.add("'" + ONE_SENTENCE + "' in \"" + queryText.trim() + "\" keeps two or more parts in one sentence,"
                    + " and this phrase has " + (sources.isEmpty() ? "none" : "one")
                    + ": add the part it must share a sentence with, or drop the option");
        }
        if (sources.isEmpty()) {
            return new TermQuery(new Term(field, queryText));
        }
        IntervalsSource source = sources.size() == 1
                ? sources.get(0)
                : Intervals.maxgaps(slop, Intervals.ordered(sources.toArray(IntervalsSource[]::new)));
        if (sources.size() > 1 && !negationWritten) {
            // "migrants should not be shot" is not "migrants should be shot"; a phrase that writes a negation wants it
            IntervalsSource ordered = source;
            source = lexicons.negations(language)
                    .map(n -> Intervals.notContaining(ordered, n))
                    .orElse(ordered);
        }
        if (sources.size() > 1 && oneSentence) {
            source = parts.get(0).equals(SentenceStartFilter.TOKEN)
                    ? withinTheSentenceItOpens(source)
                    : withinOneSentence(source);
        }

        Query q = new IntervalQuery(field, source);
        expansions.add(q);
        return q;
    }

    /**
     * The matches of {@code source} no sentence opens inside: a sentence may open at a match's first word, not after
     * it. The match is read without its first word, so that a sentence it opens does not count (Lucene tests a
     * subtrahend of one position by where it starts), then given the word back.
     */
    private static IntervalsSource withinOneSentence(IntervalsSource source) {
        return Intervals.extend(Intervals.notContaining(Intervals.extend(source, -1, 0), SENTENCE_OPENING), 1, 0);
    }

    /**
     * The matches of {@code source}, whose first part is {@code _start_}, no other sentence opens inside. The marker
     * stands a position before the word it opens, so the sentence it opens starts at the match's second word, which
     * {@link #withinOneSentence} would count as a sentence end (and then read nothing): the match is read without
     * its first two words. A match of two words ({@code "_start_ hang"~0}) has no word a sentence could open at
     * after its opening, and is kept as it is (read without two words it would end before it starts).
     */
    private static IntervalsSource withinTheSentenceItOpens(IntervalsSource source) {
        IntervalsSource longer =
                Intervals.extend(Intervals.notContaining(Intervals.extend(source, -2, 0), SENTENCE_OPENING), 2, 0);
        return Intervals.or(Intervals.maxwidth(2, source), longer);
    }

    /** The term of an as-written word ({@code =hænges}); anything but one word of letters and digits is an error. */
    private String asWritten(String written) {
        if (!AsWritten.isWord(written)) {
            errors.add("'" + written + "' is not an as written term: = then one word of letters and digits");
        }
        return AsWritten.term(written);
    }

    private Optional<Lexicons.Analysed> lexicon(String field, String reference) {
        if (!field.equals(language.field())) {
            return Optional.empty(); // a field-qualified term: the checker refuses it
        }
        if (!REFERENCE.matcher(reference).matches()) {
            errors.add("'" + reference + "' is not a lexicon reference: @ then names of 2-40 of a-z, 0-9, _ starting"
                    + " with a letter, joined by |");
            return Optional.empty();
        }
        Optional<Lexicons.Analysed> union = Optional.empty();
        for (String name : reference.substring(1).split("\\|")) {
            Optional<Lexicons.Analysed> found = lexicons.find(name, language);
            if (found.isEmpty()) {
                errors.add("no lexicon '" + name + "' for language " + language.code());
                return Optional.empty();
            }
            union = Optional.of(union.map(u -> u.and(found.get())).orElse(found.get()));
        }
        return union;
    }
}
