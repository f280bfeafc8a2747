package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** Which hashtags of one violent word are labels, kept as the tag, and which are read as the word. */
class HashtagLabelFilterTest {

    private static final Analyzer DOCUMENTS =
            RuleAnalyzer.forDocuments(BundledRules.load().lexicons());
    private static final Analyzer RULES = RuleAnalyzer.perField();

    /** The terms a document's field is indexed with. */
    private static List<String> terms(String text, RuleLanguage language) {
        return analysed(DOCUMENTS, text, language);
    }

    private static List<String> terms(String text) {
        return terms(text, RuleLanguage.EN);
    }

    /** The English terms a rule's words are analysed into ("kill" is "kil": stemmed, double letters collapsed). */
    private static String[] rule(String... words) {
        return analysed(RULES, String.join(" ", words), RuleLanguage.EN).toArray(String[]::new);
    }

    /** The term of a word kept as the tag: its '#' before the rule's term of the word. */
    private static String tag(String word) {
        return "#" + rule(word)[0];
    }

    private static List<String> analysed(Analyzer analyzer, String text, RuleLanguage language) {
        List<String> found = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(language.field(), text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                found.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void aTagWordsAnswerIsKeptForItsOwnLanguage() {
        HashtagLabelFilter.ViolentWords violent =
                HashtagLabelFilter.ViolentWords.in(BundledRules.load().lexicons());
        // the second round reads the answers the first one kept: one language's must not answer for the other's
        for (int round = 0; round < 2; round++) {
            assertThat(violent.holds(RuleLanguage.DA, "dræb")).isTrue();
            assertThat(violent.holds(RuleLanguage.EN, "dræb")).isFalse();
            assertThat(violent.holds(RuleLanguage.EN, "kill")).isTrue();
            assertThat(violent.holds(RuleLanguage.DA, "kill")).isFalse();
        }
    }

    @Test
    void aViolentWordTaggedInARowOfTagsIsALabel() {
        // IRA: the Attorney General's name between two others' read as the verb under a vow ("I can say that")
        assertThat(terms("I can say that, #Obama, #Lynch, #Hillary. 1st Amendment&truth."))
                .contains(tag("lynch"))
                .doesNotContain(rule("lynch"));
        assertThat(terms("THE KILLING OF A MAN check: https://t.co/x1 #violent #pigs #kill #people"))
                .contains(tag("kill"))
                .contains(rule("people"));
        assertThat(terms("who do you call? #cops #murder #violence")).contains(tag("murder"));
        assertThat(terms("Officer charged https://t.co/x2 #BTP #Rape https://t.co/x3"))
                .contains(tag("rape"));
        assertThat(terms("Look at this @someone #Murdering https://t.co/x4")).doesNotContain(rule("murdering"));
        assertThat(terms("#Shoot")).contains(tag("shoot")).doesNotContain(rule("shoot"));
        assertThat(terms("slå dem ihjel #politik #dræb #dk", RuleLanguage.DA)).doesNotContain("dræb", "draeb");
    }

    @Test
    void aTagInRunningTextIsReadAsItsWord() {
        assertThat(terms("The police are #murdering women in the street")).contains(rule("murdering"));
        assertThat(terms("We will #lynch every one of them")).contains(rule("lynch"));
        assertThat(terms("#Hang them all tonight")).contains(rule("hang"));
        assertThat(terms("Kill every migrant in this town. #Kill")).doesNotContain(tag("kill"));
    }

    @Test
    void aViolentWordTaggedAsTheChainReadsItIsALabelToo() {
        // "draeb" is "dræb" to the Danish chain (æ written ae, as DanishLettersFilter reads it): the same label
        assertThat(terms("slå dem ihjel #politik #draeb #dk", RuleLanguage.DA)).doesNotContain("draeb");
        assertThat(terms("#dkpol, #Haeng, #Borgen", RuleLanguage.DA)).doesNotContain("haeng");
    }

    @Test
    void aTagOfSeveralWordsIsReadAsItsWordsAndOtherTagsAsBefore() {
        assertThat(terms("#pigs #KillAllTheMigrants #now")).contains(rule("kill", "all", "migrants"));
        assertThat(terms("#cops #Muslims #violence")).contains(rule("muslims"));
        assertThat(terms("#cops #Aarhus #violence")).contains(rule("aarhus"));
    }
}
