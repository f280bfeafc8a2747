package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

/** The person-name token: which words of a document name a person, and a rule that threatens one by it. */
class PersonNameFilterTest {

    private static final Analyzer DOCUMENTS =
            RuleAnalyzer.forDocuments(BundledRules.load().lexicons());

    /** The words of the text that get {@code _person_}, as the author wrote them. */
    private static List<String> persons(String text, RuleLanguage language) {
        List<String> found = new ArrayList<>();
        try (TokenStream ts = DOCUMENTS.tokenStream(language.field(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.toString().equals(PersonNameFilter.TOKEN)) {
                    found.add(text.substring(offset.startOffset(), offset.endOffset()));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> persons(String text) {
        return persons(text, RuleLanguage.EN);
    }

    @Test
    void marksCapitalisedWordsInsideASentenceAndHandles() {
        assertThat(persons("I'll find Karen Holm and cut her throat")).containsExactly("Karen", "Holm");
        assertThat(persons("Someone should shoot @lars_vinther before the vote"))
                .containsExactly("lars_vinther");
        assertThat(persons("watch your back, Amira. we know where you live")).containsExactly("Amira");
        assertThat(persons("We're coming to Jonas Berg's house tonight")).containsExactly("Jonas", "Berg's");
    }

    @Test
    void aCountryIsNoPerson() {
        // "landsholdet skal have tæsk af Sverige": read as a name, a match report was a threat on a person (DKHate)
        assertThat(persons("landsholdet skal have tæsk af Sverige i finalen", RuleLanguage.DA))
                .isEmpty();
        assertThat(persons("vi slog Tyskland og Norge, og nu venter England", RuleLanguage.DA))
                .isEmpty();
        assertThat(persons("they say Sweden should be nuked")).isEmpty();
        assertThat(persons("landsholdet skal have tæsk af Lars Vinther", RuleLanguage.DA))
                .containsExactly("Lars", "Vinther");
    }

    @Test
    void theLandsAndPeoplesOfThePacksLexiconsAreNoPersonsInEveryLanguage() {
        // the lands were a hard-coded list of ~60 names: "Marokko" was in none, so "tæsk af Marokko" was a threat on a
        // person (failed before); now a pack's country and nationality lexicons say it, for every language's text
        Lexicon countries = TestRules.lexicon(
                "country",
                RuleLanguage.DA,
                LexiconKind.PLACE,
                List.of(new Lexicon.Entry("marokko", List.of("eritrea"), null)));
        Rule beating = TestRules.active("tæsk-person", "\"tæsk af _person_\"~1", RuleLanguage.DA);
        Rule killing = TestRules.active("kill-person", "\"kill _person_\"~2", RuleLanguage.EN);
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(beating, killing), List.of(countries)))) {
            assertThat(engine.match("landsholdet skal have tæsk af Marokko i aften", Optional.of("da"))
                            .hits())
                    .isEmpty();
            assertThat(engine.match("we will kill Eritrea's team tonight", Optional.of("en"))
                            .hits())
                    .as("a Danish lexicon's land, in English text, genitive")
                    .isEmpty();
            assertThat(engine.match("landsholdet skal have tæsk af Lars Vinther", Optional.of("da"))
                            .hits())
                    .hasSize(1);
        }
    }

    @Test
    void theEnglishPeoplesAreReadFromThePacksNationalityLexiconNotFromTheCode() {
        // the English nationality words were hard-coded in the filter: a people the list missed ("Germans", "Finns",
        // "Iranians") was a person, so "bomb the Germans" aimed at a named person (failed before)
        assertThat(persons("we should bomb the Germans and then the Finns and the Iranians"))
                .isEmpty();
        assertThat(persons("I hate the Swedes, the Somalis and every Pole in this town"))
                .isEmpty();
        assertThat(persons("shoot the Russians and the Ukrainians, said the Americans' friend"))
                .isEmpty();
        assertThat(persons("we will nuke Danish cities and then Finn Nielsen")).containsExactly("Finn", "Nielsen");
        // and the pack, not the code, says so: a pack without nationality lexicons reads "Swedes" as a name
        Rule killing = TestRules.active("kill-person", "\"kill _person_\"~2", RuleLanguage.EN);
        try (RuleEngine engine = RuleEngine.build(RulePack.of("test", List.of(killing), List.of()))) {
            assertThat(engine.match("we will kill the Swedes tonight", Optional.of("en"))
                            .hits())
                    .hasSize(1);
        }
    }

    @Test
    void leavesSentenceStartsCommonCapitalisedWordsPlacesAndShoutingAlone() {
        assertThat(persons("Karen said hello. Lars left! Amira? Yes")).isEmpty();
        assertThat(persons("\"Maybe\" she said")).isEmpty();
        assertThat(persons("On Saturday in March I and the Muslims of the town met at Christmas"))
                .isEmpty();
        assertThat(persons("we met in Aarhus and drove on from Odense")).isEmpty();
        assertThat(persons("we will KILL THEM ALL")).isEmpty();
        assertThat(persons("Man Arrested After Threat To Kill Migrants")).isEmpty();
        assertThat(persons("Read an Exclusive Excerpt From Sherrilyn Kenyon's 'Deadmen Walking'"))
                .isEmpty();
        assertThat(persons("If you Don't Support Trump now, Watch Your Back")).isEmpty();
    }

    @Test
    void marksAGivenNameInCapitalsAndTheSurnameAfterIt() {
        // shouting was never a name: "KILL KAREN HOLM" and "JIM WALES MUST DIE" (a Jigsaw threat) aimed at no person
        assertThat(persons("KILL KAREN HOLM")).containsExactly("KAREN", "HOLM");
        assertThat(persons("hang LARS VINTHER from the nearest tree")).containsExactly("LARS", "VINTHER");
        assertThat(persons("JONAS BERG MUST DIE")).containsExactly("JONAS", "BERG");
        assertThat(persons("JIM WALES MUST DIE!!!")).as("a land is no surname").containsExactly("JIM");
        assertThat(persons("KAREN'S HOUSE BURNS TONIGHT")).containsExactly("KAREN'S");
        assertThat(persons("DRÆB METTE OG LARS", RuleLanguage.DA)).containsExactly("METTE", "LARS");
        assertThat(persons("KILL KAREN AND LARS"))
                .as("a function word is no surname")
                .containsExactly("KAREN", "LARS");
    }

    @Test
    void aWordInCapitalsThatNoGivenNameListHoldsIsShoutingNotAName() {
        assertThat(persons("BEAT DEALS AND DISCOUNTS ON HIGH QUALITY AUDIO")).isEmpty();
        assertThat(persons("LYNCH THE BITCH NOW, WILL YOU MARK MY WORDS")).isEmpty();
    }

    @Test
    void leavesLinksAndTheRestOfAPlaceAlone() {
        // the IRA stream's t.co links made every tweet name a person ("Jail them all ... https://t.co/DgNyBdfBHk")
        assertThat(persons("We will find you ALL! https://t.co/DgNyBdfBHk and www.Example.com/Karen"))
                .isEmpty();
        assertThat(persons("Standing in line in Durham County? We're coming for you"))
                .isEmpty();
        assertThat(persons("a link https://t.co/x then Karen Holm spoke")).containsExactly("Karen", "Holm");
    }

    @Test
    void aHashtagIsNoName() {
        // IRA: "#sot #Military #MilFam" read as a two-word name under a killing command ("sot" repaired to "shot")
        assertThat(
                        persons(
                                "We remember those who won't be home for Thanksgiving. #sot #Military #MilFam #RedNationRising"))
                .isEmpty();
        assertThat(persons("Kill #Karen #Holm")).isEmpty();
        assertThat(persons("We will be home for Thanksgiving")).isEmpty();
        assertThat(persons("Thank you Karen Holm #MilFam")).containsExactly("Karen", "Holm");
    }

    @Test
    void marksDanishNamesAndGenitives() {
        assertThat(persons("jeg finder Karen Holms adresse og så skal hun dø", RuleLanguage.DA))
                .containsExactly("Karen", "Holms");
        assertThat(persons("vi ses i Vejle på lørdag", RuleLanguage.DA)).isEmpty();
    }

    @Test
    void keepsTheNameItselfSoRulesOnTheWordStillMatch() {
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(TestRules.active("name", "holm")))) {
            assertThat(engine.match("Vote for Karen Holm", Optional.of("en")).hits())
                    .hasSize(1);
        }
    }

    @Test
    void letsARuleSayAThreatAimedAtAPerson() {
        Rule threat = TestRules.active("threat-person", "\"kill _person_\"~2", RuleLanguage.EN, RuleLanguage.DA);
        Rule danish = TestRules.active("trussel-person", "\"skyde _person_\"~2", RuleLanguage.DA);
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(threat, danish))) {
            MatchResult hit = engine.match("I am going to kill Karen Holm tomorrow", Optional.of("en"));
            assertThat(hit.hits()).extracting(RuleHit::ruleId).containsExactly("threat-person");
            assertThat(hit.hits().get(0).matchedTerms())
                    .extracting(MatchedTerm::text)
                    .containsExactly("kill Karen");
            assertThat(engine.match("I am going to kill @karenholm tomorrow", Optional.of("en"))
                            .hits())
                    .hasSize(1);
            assertThat(engine.match("Jeg vil skyde Lars Vinther", Optional.of("da"))
                            .hits())
                    .hasSize(1);

            assertThat(engine.match("I am going to kill the printer tomorrow", Optional.of("en"))
                            .hits())
                    .isEmpty();
            assertThat(engine.match("I am going to kill it in London tomorrow", Optional.of("en"))
                            .hits())
                    .isEmpty();
        }
    }
}
