package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.rules.TestRules.active;
import static org.varsel.pipeline.rules.TestRules.pack;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A violent word broken in two by a space or a line break and a modal or pronoun in chat spelling are read as the words they stand for
 * by every rule, as written in the rule once ({@link ObfuscationCharFilter}, {@link ChatSpellingFilter}); two ordinary
 * words that happen to spell a violent one, a contraction and a name are not joined or respelt.
 */
class BrokenAndChatSpeltWordsTest {

    private static RuleEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = RuleEngine.build(pack(
                active("vow", "\"i will kill you\"~0"),
                active("demand", "\"should be raped\"~0"),
                active("wish", "\"wish you would die\"~0"),
                active("beat", "beat AND house"),
                active("slaughter", "slaughter"),
                active("behead", "behead"),
                active("shoot", "\"shoot your\"~0")));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void pointsTheJoinedWordAtBothOfItsPiecesInTheOriginalText() throws IOException {
        String text = "I will ki \n\nll you";
        ObfuscationCharFilter filter = ObfuscationCharFilter.over(new StringReader(text));
        StringBuilder folded = new StringBuilder();
        char[] buf = new char[64];
        for (int n = filter.read(buf, 0, buf.length); n != -1; n = filter.read(buf, 0, buf.length)) {
            folded.append(buf, 0, n);
        }
        int kill = folded.indexOf("kill");
        assertThat(folded.toString()).isEqualTo("I will kill you");
        assertThat(filter.correctOffset(kill)).isEqualTo(text.indexOf("ki"));
        assertThat(filter.correctOffset(kill + "kill".length())).isEqualTo(text.lastIndexOf("ll") + "ll".length());
        assertThat(filter.correctOffset(folded.indexOf("you"))).isEqualTo(text.indexOf("you"));
    }

    private static boolean hits(String text) {
        return !engine.match(text, Optional.of("en")).hits().isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I will ki ll you and wear your skin like a robe!",
                "I will ki \n\nll you and wear your skin like a robe!",
                "I will ki\tll you",
                "I will ki\r\nll you",
                "I will k ill you",
                "i wll kill u",
                "i wil kil u tomorrow",
                "Grandma shoult be raped to death.",
                "i hate yuo and i wish yuo wud die",
                "I'll sh oot your dog"
            })
    void readsTheWordsABrokenOrChatSpeltThreatStandsFor(String text) {
        assertThat(hits(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'll be at your house at six",
                "Mary's laughter filled the room",
                "it s laughter that heals",
                "She will be head of the school board",
                "She will be\nhead of the school board",
                "She will be\r\nhead of the school board",
                "I will ki \n\n\n\nll you",
                "I will kiss you, I will hug you"
            })
    void leavesWordsThatOnlyLookBrokenAsTheyAre(String text) {
        assertThat(hits(text)).as(text).isFalse();
    }
}
