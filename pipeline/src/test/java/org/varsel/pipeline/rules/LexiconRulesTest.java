package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;

/** Rules that reference lexicons: expansion to every form, ordered proximity, the groups a hit names, context. */
class LexiconRulesTest {

    private static final Lexicon GROUP_DA = TestRules.lexicon(
            "group",
            RuleLanguage.DA,
            LexiconKind.TARGET_GROUP,
            List.of(
                    new Lexicon.Entry("muslim", List.of("muslimer", "muslimerne", "muslimernes"), "muslims"),
                    new Lexicon.Entry("jøde", List.of("jøder", "jøderne"), "jews")));
    private static final Lexicon GROUP_EN = TestRules.lexicon(
            "group",
            RuleLanguage.EN,
            LexiconKind.TARGET_GROUP,
            List.of(
                    new Lexicon.Entry("migrant", List.of("migrants"), "migrants"),
                    new Lexicon.Entry("asylum seeker", List.of("asylum seekers"), "refugees"),
                    new Lexicon.Entry("jew", List.of("jews"), "jews")));
    private static final Lexicon VIOLENCE_EN = TestRules.lexicon(
            "violent_action",
            RuleLanguage.EN,
            LexiconKind.VIOLENT_ACTION,
            List.of(
                    new Lexicon.Entry("kill", List.of(), null),
                    new Lexicon.Entry("wipe out", List.of(), null),
                    new Lexicon.Entry("be gone", List.of(), null)));
    private static final Lexicon DEHUMANISING_DA = TestRules.lexicon(
            "dehumanisation",
            RuleLanguage.DA,
            LexiconKind.DEHUMANISATION,
            List.of(new Lexicon.Entry("sygdom", List.of("sygdommen"), null)));
    private static final Lexicon CONTEXT_EN = TestRules.lexicon(
            "counter_speech",
            RuleLanguage.EN,
            LexiconKind.COUNTER_SPEECH,
            List.of(new Lexicon.Entry("convicted for", List.of("must never say"), null)));
    private static final Lexicon NEGATION_EN = TestRules.lexicon(
            "negation",
            RuleLanguage.EN,
            LexiconKind.NEGATION,
            List.of(new Lexicon.Entry("not", List.of("never"), null)));
    private static final List<Lexicon> LEXICONS =
            List.of(GROUP_DA, GROUP_EN, VIOLENCE_EN, DEHUMANISING_DA, CONTEXT_EN, NEGATION_EN);

    private static Rule rule(String id, String query, int severity, RuleLanguage... languages) {
        return new Rule(
                id,
                "Title of " + id,
                "Threatens {target} ({matched}).",
                query,
                List.of(languages),
                "incitement",
                List.of("topic:test"),
                severity,
                Tlp.AMBER,
                RuleStatus.ACTIVE,
                "test-desk",
                List.of("everyone", "listed"),
                null);
    }

    private static MatchResult match(Rule rule, String text, String language) {
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), LEXICONS))) {
            return engine.match(text, Optional.of(language));
        }
    }

    @Test
    void aLexiconReferenceMatchesEveryInflectedFormOfEveryEntry() {
        Rule r = rule("da-group", "@group AND skal", 4, RuleLanguage.DA);
        for (String text :
                List.of("Muslimerne skal ud", "muslimernes huse skal væk", "en muslim skal", "Jøderne skal")) {
            assertThat(match(r, text, "da").hits()).as(text).hasSize(1);
        }
        assertThat(match(r, "Danskerne skal hjem", "da").hits()).isEmpty();
    }

    @Test
    void aQuotedProximityWithLexiconsMatchesInOrderWithinTheGap() {
        Rule r = rule("en-near", "\"@violent_action all the @group\"~2", 5, RuleLanguage.EN);
        assertThat(match(r, "Kill all the migrants", "en").hits()).hasSize(1);
        assertThat(match(r, "we should wipe out all of the filthy asylum seekers", "en")
                        .hits())
                .hasSize(1);
        assertThat(match(r, "kill all the very many dangerous migrants", "en").hits())
                .as("gap of 3")
                .isEmpty();
        assertThat(match(r, "migrants: all the kill", "en").hits())
                .as("out of order")
                .isEmpty();
    }

    @Test
    void anOrderedProximityDoesNotSpanANegationUnlessItWritesOne() {
        Rule r = rule("en-normative", "\"@group should @violent_action\"~3", 5, RuleLanguage.EN);
        assertThat(match(r, "migrants should all be killed", "en").hits()).hasSize(1);
        assertThat(match(r, "migrants should not be killed", "en").hits()).isEmpty();
        assertThat(match(r, "migrants should never be killed", "en").hits()).isEmpty();
        assertThat(match(r, "not all migrants should be killed? yes they should", "en")
                        .hits())
                .as("a negation outside the span")
                .hasSize(1);
        Rule written = rule("en-written", "\"@group are not @violent_action\"~2", 2, RuleLanguage.EN);
        assertThat(match(written, "migrants are not killed here", "en").hits()).hasSize(1);
    }

    @Test
    void aPhraseThatNamesTheNegationLexiconWritesItsNegation() {
        Rule denial = rule("en-denial", "\"@group @negation @violent_action\"~2", 4, RuleLanguage.EN);
        assertThat(match(denial, "migrants are not killed here", "en").hits()).hasSize(1);
        assertThat(match(denial, "migrants will never be killed", "en").hits()).hasSize(1);
        assertThat(match(denial, "migrants are killed here", "en").hits())
                .as("no negation: the phrase asks for one")
                .isEmpty();
    }

    @Test
    void aDehumanisingPredicateAfterAGroupMatchesInDanish() {
        Rule r = rule("da-disease", "\"@group er en @dehumanisation\"~3", 4, RuleLanguage.DA);
        MatchResult result = match(r, "Muslimerne er en sygdom i vores land", "da");
        assertThat(result.hits()).hasSize(1);
        assertThat(result.hits().get(0).matchedTerms())
                .extracting(MatchedTerm::text)
                .containsExactly("Muslimerne", "er", "en", "sygdom");
    }

    @Test
    void aHitReportsTheGroupsTheTextNamesNotTheRulesWholeList() {
        Rule r = rule("en-near", "\"@violent_action @group\"~3", 5, RuleLanguage.EN);
        RuleHit hit = match(r, "Kill the asylum seekers", "en").hits().get(0);
        assertThat(hit.targetGroups()).containsExactly("refugees");
        assertThat(hit.explanation()).startsWith("Threatens refugees (");
        Rule literal = rule("en-literal", "kill AND migrants", 5, RuleLanguage.EN);
        assertThat(match(literal, "kill the migrants", "en").hits().get(0).targetGroups())
                .as("a literal group word that a lexicon knows")
                .containsExactly("migrants");
        Rule noGroupWord = rule("en-none", "kill AND everyone", 5, RuleLanguage.EN);
        assertThat(match(noGroupWord, "kill everyone", "en").hits().get(0).targetGroups())
                .as("no group named: the rule's own list")
                .containsExactly("everyone", "listed");
    }

    @Test
    void counterSpeechLowersSeverityAndMarksTheHitAsReported() {
        Rule r = rule("en-near", "\"@violent_action all the @group\"~2", 5, RuleLanguage.EN);
        RuleHit direct = match(r, "Kill all the migrants", "en").hits().get(0);
        assertThat(direct.severity()).isEqualTo(5);
        assertThat(direct.reportedSpeech()).isFalse();
        for (String quoted : List.of(
                "We must never say 'kill all the migrants'", "He was convicted for writing kill all the migrants")) {
            RuleHit hit = match(r, quoted, "en").hits().get(0);
            assertThat(hit.severity()).as(quoted).isEqualTo(3);
            assertThat(hit.reportedSpeech()).isTrue();
            assertThat(hit.explanation()).contains("severity lowered from 5 to 3");
        }
    }

    @Test
    void anEntryInTwoLexiconsCountsForEachOfThem() {
        // the same entry in counter_speech and in a lexicon read after it was found for the later one only: a threat
        // quoted in condemnation lost its "reported" mark and its severity stayed 5 (failed before)
        Lexicon courtWords = TestRules.lexicon(
                "court",
                RuleLanguage.EN,
                LexiconKind.DEROGATION,
                List.of(new Lexicon.Entry("convicted for", List.of("must never say"), null)));
        Rule threat = rule("en-near", "\"@violent_action all the @group\"~2", 5, RuleLanguage.EN);
        Rule court = rule("en-court", "@court AND @violent_action", 2, RuleLanguage.EN);
        List<Lexicon> lexicons = new ArrayList<>(LEXICONS);
        lexicons.add(courtWords);
        String text = "He was convicted for writing kill all the migrants";
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(threat, court), lexicons))) {
            List<RuleHit> hits = engine.match(text, Optional.of("en")).hits();
            assertThat(hits).extracting(RuleHit::ruleId).containsExactlyInAnyOrder("en-near", "en-court");
            RuleHit quoted = hits.stream()
                    .filter(h -> h.ruleId().equals("en-near"))
                    .findFirst()
                    .orElseThrow();
            assertThat(quoted.reportedSpeech()).isTrue();
            assertThat(quoted.severity()).isEqualTo(3);
        }
        assertThat(TargetWords.of(RulePack.of("test", List.of(threat), lexicons))
                        .in(text, Optional.of("en"))
                        .kinds())
                .contains(LexiconKind.COUNTER_SPEECH, LexiconKind.DEROGATION);
    }

    @Test
    void aThreatQuotedInsideALongerTextIsReportedSpeechButAThreatThatIsOnlyAQuoteIsNot() {
        Rule r = rule("en-near", "\"@violent_action all the @group\"~2", 5, RuleLanguage.EN);
        for (String quoted : List.of(
                "Someone wrote \"kill all the migrants\" under my post, disgusting",
                "A man shouted \u201Ckill all the migrants\u201D at the bus stop",
                "So he says 'kill all the migrants' and walks off")) {
            RuleHit hit = match(r, quoted, "en").hits().get(0);
            assertThat(hit.reportedSpeech()).as(quoted).isTrue();
            assertThat(hit.tags()).contains(RuleHit.REPORTED_SPEECH_TAG);
            assertThat(hit.explanation()).contains("the matched words are quoted");
        }
        for (String said : List.of(
                "\"Kill all the migrants\"",
                "\"Kill all the migrants\" tonight!",
                "Don't wait: kill all the migrants' kids too")) {
            assertThat(match(r, said, "en").hits().get(0).reportedSpeech())
                    .as(said)
                    .isFalse();
        }
    }

    @Test
    void danishRulesAlsoRunForNorwegianSwedishAndUndeterminedText() {
        Rule r = rule("da-disease", "\"@group er en @dehumanisation\"~3", 4, RuleLanguage.DA);
        for (String tag : List.of("da", "nb", "nn", "no", "sv", "sv-SE", "und")) {
            assertThat(match(r, "Jøderne er en sygdom", tag).hits()).as(tag).hasSize(1);
        }
        for (String tag : List.of("en", "de", "ru")) {
            assertThat(match(r, "Jøderne er en sygdom", tag).hits()).as(tag).isEmpty();
        }
    }

    @Test
    void aLexiconCountsAsOneClauseHoweverManyFormsItHas() {
        List<Lexicon.Entry> many = java.util.stream.IntStream.range(0, 200)
                .mapToObj(
                        i -> new Lexicon.Entry("word" + (char) ('a' + i % 26) + (char) ('a' + i / 26), List.of(), null))
                .toList();
        Lexicon big = TestRules.lexicon("big", RuleLanguage.EN, LexiconKind.PLACE, many);
        RuleQueryCompiler compiler = new RuleQueryCompiler(RuleAnalyzer.perField(), new Lexicons(List.of(big)));
        assertThat(compiler.compile("@big AND kill", List.of(RuleLanguage.EN)).errors())
                .isEmpty();
        assertThat(compiler.compile("\"kill @big\"~3", List.of(RuleLanguage.EN)).warnings())
                .isEmpty();
        assertThat(compiler.compile("@missing AND kill", List.of(RuleLanguage.EN))
                        .errors())
                .containsExactly("no lexicon 'missing' for language en");
        assertThat(compiler.compile("@big AND kill", List.of(RuleLanguage.DA)).errors())
                .containsExactly("no lexicon 'big' for language da");
    }

    @Test
    void aFormThatEndsWithAnotherFormOfItsLexiconIsReadWholeInsideAPhraseAndOneThatHoldsItInTheMiddleIsNot() {
        // Lucene's disjunction reports minimal intervals: "fucking død" and "en død mand" hold "død". Until session 24
        // the phrase saw "død" alone in both and counted their other words as its gap ("du er fucking død" missed);
        // a longer form that ends where the shorter one ends is now reported first and read whole. "en død mand" goes
        // on after "død", so reading it whole would push the next part past "mand": it is still read as "død"
        Lexicon nested = TestRules.lexicon(
                "dead_state",
                RuleLanguage.DA,
                LexiconKind.MODAL,
                List.of(new Lexicon.Entry("død", List.of("en død mand", "fucking død"), null)));
        Lexicon apart = TestRules.lexicon(
                "dead_person",
                RuleLanguage.DA,
                LexiconKind.MODAL,
                List.of(new Lexicon.Entry("en død mand", List.of("et dødt menneske"), null)));
        try (RuleEngine engine = RuleEngine.build(RulePack.of(
                "test",
                List.of(
                        rule("nested", "\"du er @dead_state\"~0", 4, RuleLanguage.DA),
                        rule("apart", "\"du er @dead_person\"~0", 4, RuleLanguage.DA)),
                List.of(nested, apart)))) {
            assertThat(ids(engine.match("du er død", Optional.of("da")))).containsExactly("nested");
            assertThat(ids(engine.match("du er en død mand", Optional.of("da"))))
                    .containsExactly("apart");
            assertThat(ids(engine.match("du er fucking død", Optional.of("da"))))
                    .containsExactly("nested");
            assertThat(ids(engine.match("du er et dødt menneske", Optional.of("da"))))
                    .containsExactly("apart");
        }
    }

    private static final Lexicon FOREIGNERS = TestRules.lexicon(
            "foreigners",
            RuleLanguage.EN,
            LexiconKind.TARGET_GROUP,
            List.of(new Lexicon.Entry(
                    "foreigner", List.of("aliens", "illegal aliens", "all the illegal aliens"), null)));

    @Test
    void aLongerFormThatEndsWithAShorterOneTakesNoneOfThePhrasesSlackAfterThePartBefore() {
        Rule kill = rule("kill", "\"kill @foreigners\"~0", 4, RuleLanguage.EN);
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(kill), List.of(FOREIGNERS)))) {
            assertThat(ids(engine.match("Kill aliens!", Optional.of("en")))).containsExactly("kill");
            assertThat(ids(engine.match("Kill illegal aliens!", Optional.of("en"))))
                    .containsExactly("kill");
            assertThat(ids(engine.match("Kill all the illegal aliens!", Optional.of("en"))))
                    .as("the longest form that ends there")
                    .containsExactly("kill");
            assertThat(ids(engine.match("Kill the aliens!", Optional.of("en"))))
                    .as("a word no form holds is still the gap")
                    .isEmpty();
            assertThat(ids(engine.match("Kill those illegal aliens!", Optional.of("en"))))
                    .isEmpty();
        }
    }

    @Test
    void theShorterFormIsStillReadWhereThePartBeforeTakesTheLongerOnesFirstWords() {
        // session 19 read the longer form in place of the shorter one (Intervals.notContainedBy) and lost "race
        // traitors
        // to the rope": "to the @execution" needs "rope" alone, as "the" is the phrase's own word
        Lexicon execution = TestRules.lexicon(
                "execution",
                RuleLanguage.EN,
                LexiconKind.VIOLENT_ACTION,
                List.of(new Lexicon.Entry("rope", List.of("the rope", "gallows", "the gallows"), null)));
        Rule rope = rule("rope", "\"traitors to the @execution\"~0", 4, RuleLanguage.EN);
        Rule illegal = rule("illegal", "\"kill illegal @foreigners\"~0", 4, RuleLanguage.EN);
        try (RuleEngine engine =
                RuleEngine.build(RulePack.of("test", List.of(rope, illegal), List.of(execution, FOREIGNERS)))) {
            assertThat(ids(engine.match("race traitors to the rope", Optional.of("en"))))
                    .containsExactly("rope");
            assertThat(ids(engine.match("kill illegal aliens", Optional.of("en"))))
                    .containsExactly("illegal");
        }
    }

    @Test
    void aLongerFormThatGoesOnAfterTheShorterOneIsStillReadAsTheShorterOne() {
        // read whole, "aliens here" would take the next part's word: "may they rot in hell" was lost so in session 19
        Lexicon here = TestRules.lexicon(
                "here",
                RuleLanguage.EN,
                LexiconKind.TARGET_GROUP,
                List.of(new Lexicon.Entry("aliens", List.of("aliens here"), null)));
        Rule rule = rule("here", "\"kill @here here\"~0", 4, RuleLanguage.EN);
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(rule), List.of(here)))) {
            assertThat(ids(engine.match("kill aliens here", Optional.of("en")))).containsExactly("here");
        }
    }

    @Test
    void aNegationIsReadAsItsShortestFormsWhenAPhraseMustNotSpanOne() {
        // a negation inside the match is enough to refuse it, and Lucene tests that on minimal intervals: read whole,
        // "certainly not" would start inside "kill aliens certainly" and refuse a match that holds no negation
        Lexicon negation = TestRules.lexicon(
                "negation",
                RuleLanguage.EN,
                LexiconKind.NEGATION,
                List.of(new Lexicon.Entry("not", List.of("certainly not", "never"), null)));
        Lexicon adverb = TestRules.lexicon(
                "adverb", RuleLanguage.EN, LexiconKind.MODAL, List.of(new Lexicon.Entry("certainly", List.of(), null)));
        Rule certainly = rule("certainly", "\"kill @foreigners @adverb\"~0", 4, RuleLanguage.EN);
        try (RuleEngine engine =
                RuleEngine.build(RulePack.of("test", List.of(certainly), List.of(negation, adverb, FOREIGNERS)))) {
            assertThat(ids(engine.match("kill aliens certainly not today", Optional.of("en"))))
                    .containsExactly("certainly");
        }
    }

    private static List<String> ids(MatchResult result) {
        return result.hits().stream().map(RuleHit::ruleId).toList();
    }
}
