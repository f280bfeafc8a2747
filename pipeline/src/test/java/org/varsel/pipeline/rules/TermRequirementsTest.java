package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
import org.junit.jupiter.api.Test;

/**
 * The pre-check drops a candidate only when the document certainly lacks what the query needs; a wrong "cannot
 * match" would lose a hit silently, so every shape the rule compiler produces is checked both ways.
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

    private static boolean cannotMatch(TermRequirements requirements, Query q, String text) throws IOException {
        MemoryIndex index = new MemoryIndex();
        index.addField(FIELD, text, new WhitespaceAnalyzer());
        return requirements.cannotMatch(
                q, requirements.read(index.createSearcher().getIndexReader()));
    }

    @Test
    void dropsAConjunctionOrPhraseWhoseRequiredWordIsAbsent() throws IOException {
        Query pair = and(term("burn"), term("mosque"));
        Query phrase = new PhraseQuery(2, FIELD, "exterminate", "them");
        TermRequirements r = new TermRequirements(List.of(pair, phrase));

        assertThat(cannotMatch(r, pair, "burn the barn")).isTrue();
        assertThat(cannotMatch(r, pair, "burn the mosque")).isFalse();
        assertThat(cannotMatch(r, phrase, "exterminate all")).isTrue();
        assertThat(cannotMatch(r, phrase, "them we exterminate"))
                .as("order is Lucene's to judge")
                .isFalse();
    }

    @Test
    void aLexiconProximityNeedsOneFormOfEveryPartButNotTheNegation() throws IOException {
        Query q = lexiconProximity();
        TermRequirements r = new TermRequirements(List.of(q));

        assertThat(cannotMatch(r, q, "shoot the journalists")).isFalse();
        assertThat(cannotMatch(r, q, "wipe out the migrants")).isFalse();
        assertThat(cannotMatch(r, q, "do not shoot the journalists"))
                .as("a negation is not required")
                .isFalse();
        assertThat(cannotMatch(r, q, "shoot the messenger"))
                .as("no form of the second lexicon")
                .isTrue();
        assertThat(cannotMatch(r, q, "kill journalists"))
                .as("the fixed word is required")
                .isTrue();
        assertThat(cannotMatch(r, q, "wipe the migrants"))
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
        TermRequirements r = new TermRequirements(List.of(anyOne, twoOfThree, requiredAndOptional));

        assertThat(cannotMatch(r, anyOne, "burn it")).isTrue();
        assertThat(cannotMatch(r, anyOne, "burn the mosque")).isFalse();
        assertThat(cannotMatch(r, twoOfThree, "a1 only")).isTrue();
        assertThat(cannotMatch(r, twoOfThree, "c1 and a1")).isFalse();
        assertThat(cannotMatch(r, requiredAndOptional, "kill everyone"))
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
        Query unknown = term("never-registered");
        TermRequirements r = new TermRequirements(List.of(prefix, patternForm));

        assertThat(cannotMatch(r, prefix, "exterminating them")).isFalse();
        assertThat(cannotMatch(r, prefix, "exterminating all"))
                .as("its plain word is still required")
                .isTrue();
        assertThat(cannotMatch(r, patternForm, "shooting them"))
                .as("a form matched by prefix")
                .isFalse();
        assertThat(cannotMatch(r, unknown, "nothing here"))
                .as("a query this engine did not compile")
                .isFalse();
    }

    @Test
    void judgesTheQueriesTheMonitorBuildsFromARulesClauses() throws IOException {
        Query burn = term("burn");
        Query kill = term("kill");
        Query mosque = term("mosque");
        Query rule = and(or(burn, kill), new BoostQuery(mosque, 2));
        TermRequirements r = new TermRequirements(List.of(rule));
        // the monitor splits (burn OR kill) AND mosque into one query per alternative, built from the rule's clauses
        Query split = and(kill, new BoostQuery(mosque, 2));

        assertThat(cannotMatch(r, split, "kill them")).isTrue();
        assertThat(cannotMatch(r, split, "kill at the mosque")).isFalse();
        assertThat(cannotMatch(r, new BoostQuery(rule, 3), "burn it")).isTrue();
    }
}
