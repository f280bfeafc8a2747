package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;

/**
 * The engine runs a rule part only when the document's terms can meet what the part needs; a wrong "cannot match" (in
 * the requirement or in the words a part is filed under) would lose a hit silently, so every shape the rule compiler
 * produces is checked both ways, and random parts are checked against Lucene itself.
 */
class TermRequirementsTest {

    private static final String FIELD = "text";

    private static Query term(String word) {
        return new TermQuery(new Term(FIELD, word));
    }

    private static Query and(Query... clauses) {
        return bool(Occur.MUST, 0, clauses);
    }

    private static Query or(Query... clauses) {
        return bool(Occur.SHOULD, 0, clauses);
    }

    private static Query bool(Occur occur, int minimumShould, Query... clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimumShould);
        for (Query c : clauses) {
            b.add(c, occur);
        }
        return b.build();
    }

    /** "@violent_action the @group"~3 as the lexicon parser builds it, with a negation the match must not span. */
    private static Query lexiconProximity() {
        return new IntervalQuery(
                FIELD,
                Intervals.notContaining(
                        Intervals.maxgaps(
                                3,
                                Intervals.ordered(
                                        Intervals.or(
                                                Intervals.term("kill"),
                                                Intervals.term("shoot"),
                                                Intervals.phrase("wipe", "out")),
                                        Intervals.term("the"),
                                        Intervals.or(Intervals.term("migrants"), Intervals.term("journalists")))),
                        Intervals.term("not")));
    }

    /** True when {@code q}, one of the parts {@code requirements} was built from, is not a candidate for the text. */
    private static boolean cannotMatch(TermRequirements requirements, List<Query> parts, Query q, String text)
            throws IOException {
        return !possibleParts(requirements, text).get(parts.indexOf(q));
    }

    private static FixedBitSet possibleParts(TermRequirements requirements, String text) throws IOException {
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, text, new WhitespaceAnalyzer());
        return requirements.possibleParts(
                requirements.read(index.createSearcher().getIndexReader()));
    }

    @Test
    void dropsAConjunctionOrPhraseWhoseRequiredWordIsAbsent() throws IOException {
        Query pair = and(term("burn"), term("mosque"));
        Query phrase = new PhraseQuery(2, FIELD, "exterminate", "them");
        List<Query> parts = List.of(pair, phrase);
        TermRequirements r = new TermRequirements(parts);

        assertThat(cannotMatch(r, parts, pair, "burn the barn")).isTrue();
        assertThat(cannotMatch(r, parts, pair, "burn the mosque")).isFalse();
        assertThat(cannotMatch(r, parts, phrase, "exterminate all")).isTrue();
        assertThat(cannotMatch(r, parts, phrase, "them we exterminate"))
                .as("order is Lucene's to judge")
                .isFalse();
    }

    @Test
    void aLexiconProximityNeedsOneFormOfEveryPartButNotTheNegation() throws IOException {
        Query q = lexiconProximity();
        List<Query> parts = List.of(q);
        TermRequirements r = new TermRequirements(parts);

        assertThat(cannotMatch(r, parts, q, "shoot the journalists")).isFalse();
        assertThat(cannotMatch(r, parts, q, "wipe out the migrants")).isFalse();
        assertThat(cannotMatch(r, parts, q, "do not shoot the journalists"))
                .as("a negation is not required")
                .isFalse();
        assertThat(cannotMatch(r, parts, q, "shoot the messenger"))
                .as("no form of the second lexicon")
                .isTrue();
        assertThat(cannotMatch(r, parts, q, "kill journalists"))
                .as("the fixed word is required")
                .isTrue();
        assertThat(cannotMatch(r, parts, q, "wipe the migrants"))
                .as("half of a two-word form")
                .isTrue();
    }

    @Test
    void optionalClausesCountAgainstTheirMinimum() throws IOException {
        Query anyOne = or(term("kill"), and(term("burn"), term("mosque")));
        Query twoOfThree = bool(Occur.SHOULD, 2, term("a1"), term("b1"), term("c1"));
        Query requiredAndOptional = new BooleanQuery.Builder()
                .add(term("kill"), Occur.MUST)
                .add(term("tonight"), Occur.SHOULD)
                .add(term("everyone"), Occur.MUST_NOT)
                .build();
        List<Query> parts = List.of(anyOne, twoOfThree, requiredAndOptional);
        TermRequirements r = new TermRequirements(parts);

        assertThat(cannotMatch(r, parts, anyOne, "burn it")).isTrue();
        assertThat(cannotMatch(r, parts, anyOne, "burn the mosque")).isFalse();
        assertThat(cannotMatch(r, parts, twoOfThree, "a1 only")).isTrue();
        assertThat(cannotMatch(r, parts, twoOfThree, "c1 and a1")).isFalse();
        assertThat(cannotMatch(r, parts, requiredAndOptional, "kill everyone"))
                .as("optional, and excluded, words aside")
                .isFalse();
    }

    @Test
    void leavesToLuceneWhatTermsCannotDecide() throws IOException {
        Query prefix = and(new PrefixQuery(new Term(FIELD, "exterm")), term("them"));
        Query patternForm = new IntervalQuery(
                FIELD,
                Intervals.ordered(
                        Intervals.or(
                                Intervals.term("kill"), Intervals.prefix(new org.apache.lucene.util.BytesRef("shoo"))),
                        Intervals.term("them")));
        Query barePrefix = new PrefixQuery(new Term(FIELD, "exterm"));
        List<Query> parts = List.of(prefix, patternForm, barePrefix);
        TermRequirements r = new TermRequirements(parts);

        assertThat(cannotMatch(r, parts, prefix, "exterminating them")).isFalse();
        assertThat(cannotMatch(r, parts, prefix, "exterminating all"))
                .as("its plain word is still required")
                .isTrue();
        assertThat(cannotMatch(r, parts, patternForm, "shooting them"))
                .as("a form matched by prefix")
                .isFalse();
        assertThat(cannotMatch(r, parts, barePrefix, "nothing here"))
                .as("no word rules it out: a candidate for every text")
                .isFalse();
    }

    /** An ordered lexicon proximity: one of the forms (three words and a two-word form ending in {@code last}), then the words. */
    private static Query formsThen(String last, String... words) {
        List<org.apache.lucene.queries.intervals.IntervalsSource> sources = new ArrayList<>();
        sources.add(Intervals.or(
                Intervals.term("kill"),
                Intervals.term("shoot"),
                Intervals.term("murder"),
                Intervals.phrase("wipe", last)));
        for (String w : words) {
            sources.add(
                    w.contains("|")
                            ? Intervals.or(Intervals.term(w.split("\\|")[0]), Intervals.term(w.split("\\|")[1]))
                            : Intervals.term(w));
        }
        return new IntervalQuery(
                FIELD, Intervals.ordered(sources.toArray(org.apache.lucene.queries.intervals.IntervalsSource[]::new)));
    }

    @Test
    void aLexiconWrittenInManyRulesIsAnsweredOnceForEachDocument() throws IOException {
        Query killTheGroup = formsThen("out", "the", "migrants|journalists");
        Query anotherFormTheGroup = formsThen("away", "the", "migrants|journalists");
        Query killAll = formsThen("out", "all");
        List<Query> parts = List.of(killTheGroup, anotherFormTheGroup, killAll);
        TermRequirements r = new TermRequirements(parts);
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, "kill", new WhitespaceAnalyzer());
        assertThat(r.read(index.createSearcher().getIndexReader()).answers())
                .as("one answer for the lexicon of the first and third part, one for the second's")
                .hasSize(2);

        assertThat(possibleParts(r, "wipe away the migrants").cardinality()).isOne();
        assertThat(possibleParts(r, "wipe away the migrants").get(1)).isTrue();
        assertThat(possibleParts(r, "wipe out the migrants").get(0)).isTrue();
        assertThat(possibleParts(r, "wipe out the migrants").cardinality()).isOne();
        assertThat(possibleParts(r, "murder all").get(2)).isTrue();
        assertThat(possibleParts(r, "murder all").cardinality()).as("no 'the'").isOne();
        assertThat(possibleParts(r, "hug all the journalists").cardinality())
                .as("an answer is the document's own")
                .isZero();
        assertThat(possibleParts(r, "shoot all the journalists").cardinality()).isEqualTo(3);
    }

    @Test
    void filesAPartAgainUnderItsAnchorTheDocumentsHeldLeastOnceTheyWereCounted() throws IOException {
        Query clauseThenAction = and(term("_clause_"), or(term("kill"), term("shoot"), term("burn")));
        Query actionOnly = and(term("kill"), term("tonight"));
        List<Query> parts = List.of(clauseThenAction, actionOnly);
        TermRequirements r = new TermRequirements(parts, 3);

        assertThat(filedUnder(r, "_clause_ hello").get(0))
                .as("one term is the fewest: filed under the marker at first")
                .isTrue();
        assertThat(filedUnder(r, "tonight only").get(1))
                .as("of two single words, the longer at first")
                .isTrue();
        possibleParts(r, "_clause_ we met");
        possibleParts(r, "_clause_ they left");
        possibleParts(r, "_clause_ tonight maybe");

        assertThat(filedUnder(r, "_clause_ hello").get(0))
                .as("the marker was in every document, the forms in none")
                .isFalse();
        assertThat(filedUnder(r, "_clause_ we shoot").get(0)).isTrue();
        assertThat(filedUnder(r, "tonight only").get(1))
                .as("'tonight' was seen once, 'kill' never")
                .isFalse();
        assertThat(filedUnder(r, "kill it").get(1)).isTrue();
        assertThat(possibleParts(r, "_clause_ burn it").get(0)).isTrue();
        assertThat(possibleParts(r, "_clause_ hello").cardinality()).isZero();
    }

    private static FixedBitSet filedUnder(TermRequirements requirements, String text) throws IOException {
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, text, new WhitespaceAnalyzer());
        return requirements.filedUnder(requirements.read(index.createSearcher().getIndexReader()));
    }

    /**
     * Property: whichever words a part is filed under, every part Lucene finds matching is a candidate. Random parts
     * of every shape the compiler writes (terms, conjunctions, disjunctions with a minimum, phrases, exclusions,
     * lexicon proximities, a prefix) over a small vocabulary, against random texts of its words, before and after the
     * parts are filed again by how often the texts held each word.
     */
    @Test
    void everyPartThatMatchesIsACandidateWhicheverWordsItIsFiledUnder() throws IOException {
        Random random = new Random(2026_12_05L);
        String[] words = {"kill", "burn", "the", "mosque", "migrants", "shoot", "them", "all", "tonight", "not"};
        List<Query> parts = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            parts.add(randomQuery(random, words, 3));
        }
        // filed again after 100 texts, by how often they held each word: the first five words far more often
        TermRequirements r = new TermRequirements(parts, 100);
        int matched = 0;
        int dropped = 0;
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            for (int w = 1 + random.nextInt(6); w > 0; w--) {
                text.append(words[random.nextInt(random.nextInt(4) == 0 ? words.length : 5)])
                        .append(' ');
            }
            MemoryIndex index = new MemoryIndex();
            index.addField(FIELD, text.toString(), new WhitespaceAnalyzer());
            FixedBitSet candidates =
                    r.possibleParts(r.read(index.createSearcher().getIndexReader()));
            for (int p = 0; p < parts.size(); p++) {
                boolean matches = index.search(parts.get(p)) > 0;
                assertThat(candidates.get(p) || !matches)
                        .as("%s over \"%s\"", parts.get(p), text)
                        .isTrue();
                matched += matches ? 1 : 0;
                dropped += candidates.get(p) ? 0 : 1;
            }
        }
        assertThat(matched).as("parts that matched").isGreaterThan(2_000);
        assertThat(dropped).as("parts ruled out").isGreaterThan(15_000);
    }

    private static Query randomQuery(Random random, String[] words, int depth) {
        String word = words[random.nextInt(words.length)];
        int shape = depth == 0 ? random.nextInt(2) : random.nextInt(8);
        return switch (shape) {
            case 0 -> term(word);
            case 1 -> new PhraseQuery(random.nextInt(3), FIELD, word, words[random.nextInt(words.length)]);
            case 2 -> and(randomQuery(random, words, depth - 1), randomQuery(random, words, depth - 1));
            case 3 -> or(randomQuery(random, words, depth - 1), randomQuery(random, words, depth - 1));
            case 4 ->
                bool(
                        Occur.SHOULD,
                        2,
                        randomQuery(random, words, depth - 1),
                        randomQuery(random, words, depth - 1),
                        randomQuery(random, words, depth - 1));
            case 5 ->
                new BooleanQuery.Builder()
                        .add(randomQuery(random, words, depth - 1), Occur.MUST)
                        .add(randomQuery(random, words, depth - 1), Occur.SHOULD)
                        .add(term(word), Occur.MUST_NOT)
                        .build();
            case 6 -> new BoostQuery(and(new PrefixQuery(new Term(FIELD, word.substring(0, 2))), term(word)), 2);
            default ->
                new IntervalQuery(
                        FIELD,
                        Intervals.maxgaps(
                                2,
                                Intervals.ordered(
                                        Intervals.or(Intervals.term(word), Intervals.phrase("the", "migrants")),
                                        Intervals.or(
                                                Intervals.term(words[random.nextInt(words.length)]),
                                                Intervals.term(words[random.nextInt(words.length)])))));
        };
    }
}
