package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.rules.SentenceStartFilterTest.positions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;

/** The clause-start token: which words of a document open a clause, and a rule that reads an imperative by it. */
class ClauseStartFilterTest {

    @Test
    void putsTheMarkerAtEverySentenceStartAndAfterACommaWithoutMovingTheWordsApart() {
        assertThat(positions("Bitch, shut up and die. Stacy, die"))
                .containsExactly(
                        "0:_start_Bitch",
                        "0:_clause_Bitch",
                        "1:bitch",
                        "1:_clause_shut",
                        "2:shut",
                        "3:up",
                        "4:and",
                        "4:_clause_die",
                        "5:die",
                        "5:_start_Stacy",
                        "5:_clause_Stacy",
                        "6:staci",
                        "6:_clause_die",
                        "7:die");
    }

    @Test
    void givesTheMarkerAPositionOfItsOwnBeforeATextsFirstWord() {
        // nothing before the first word to stand on: at an increment of 0 Lucene refused the whole text
        assertThat(positions("💀, kill him")).containsExactly("0:_clause_kill", "1:kil", "2:him");
        List<String> dash = positions("— shoot them all");
        assertThat(dash).startsWith("0:_clause_shoot");
        assertThat(dash.get(1)).startsWith("1:");
    }

    @Test
    void goesOnAfterAndOnlyWhereTheClauseBeforeOpenedAsAnImperative() {
        assertThat(positions("grab her and slap her")).contains("3:_clause_slap");
        assertThat(positions("Go on then, just hang her & burn her")).contains("3:_clause_just", "6:_clause_burn");
        assertThat(positions("they come here and kill her")).noneMatch(t -> t.contains("_clause_kill"));
        assertThat(positions("I grab her and slap her")).noneMatch(t -> t.contains("_clause_slap"));
        assertThat(positions("Muslims come and kill them")).noneMatch(t -> t.contains("_clause_kill"));
        assertThat(positions("He comes home and kills her")).noneMatch(t -> t.contains("_clause_kill"));
        assertThat(positions("Hang them, then burned them")).noneMatch(t -> t.contains("_clause_burned"));
        // misreadings on the IRA slice and the EDOS guard while the filter was written: a list of verbs after a
        // subject, and a sentence that opens with "and" after an ellipsis
        assertThat(positions("as if people don't like it when you assault, rape, and kill them"))
                .noneMatch(t -> t.contains("_clause_rape") || t.contains("_clause_kill"));
        assertThat(positions("you go \"yeah, you're right ...\" and then kill them"))
                .noneMatch(t -> t.contains("_clause_kill"));
        assertThat(positions("Say to my boss, \"I like it\", wink, and shoot him with your fingers"))
                .noneMatch(t -> t.contains("_clause_and") || t.contains("_clause_shoot"));
        assertThat(positions("yeah icymi muslims toss queers off of buildings or hang them"))
                .noneMatch(t -> t.contains("_clause_hang"));
        assertThat(positions("Her, the witch - burn her")).contains("3:_clause_burn");
    }

    @Test
    void marksNoClauseInsideASentenceOfAHeadlineWrittenInTitleCase() {
        // IRA stream, at the merge: in a headline every word is capitalised, so a verb after a comma reads like an
        // imperative although its subject stands before it ("Muslims Take A Man, Shoot Him Dead")
        assertThat(positions("Muslims Take A Man, Shoot Him Dead And Put His Corpse In Front Of A Christian Family"))
                .noneMatch(t -> t.contains("_clause_Shoot") || t.contains("_clause_Put"));
        assertThat(positions("Satans Minions, Their Buddies Rape, Torture, Kill Christians Throughout Our World"))
                .noneMatch(t -> t.contains("_clause_Kill") || t.contains("_clause_Torture"));
        // a sentence start keeps its marker; a short shout and ordinary case keep theirs
        assertThat(positions("Stop This Evil Cult Now, Vote For Our Candidate Today, Share This Post"))
                .contains("0:_clause_Stop");
        assertThat(positions("Bitch, Shut Up And Die")).contains("1:_clause_Shut", "4:_clause_Die");
        assertThat(positions("She lied to all of us again, slap her")).anyMatch(t -> t.contains("_clause_slap"));
    }

    @Test
    void marksNoClauseBeforeAThirdPersonVerbWhoseSubjectTheAnalysisCannotSee() {
        // IRA stream, at the merge: a name or an adjective opens the sentence, so the clause before "and" looked like
        // an
        // imperative; the verb after it is a third-person form, which no imperative is ("smacks", "shoots")
        assertThat(positions("Mo gets macho & smacks girl")).noneMatch(t -> t.contains("_clause_smacks"));
        assertThat(positions("White cop mistakes black officer for criminal and shoots him dead"))
                .noneMatch(t -> t.contains("_clause_shoots"));
        assertThat(positions("She lied, kills her")).noneMatch(t -> t.contains("_clause_kills"));
        assertThat(positions("Mo gets macho & smack her")).anyMatch(t -> t.contains("_clause_smack"));
        assertThat(positions("grab her and gas her")).contains("3:_clause_gas");
        assertThat(positions("She lied, kiss her")).contains("2:_clause_kiss");
    }

    @Test
    void marksNoClauseInsideAListOfNouns() {
        // IRA stream, at the 2026-12-06 merge: "murder" after the comma's "and" ends a list of nouns, it is no verb;
        // a noun by its ending (brutality, harassment, oppression) opens no imperative and passes none on
        assertThat(positions("Demand an immediate end to police harassment, brutality, and murder black people"))
                .noneMatch(t -> t.contains("_clause_murder") || t.contains("_clause_brutality"));
        assertThat(positions("Demand an end to harassment, brutality and murder of black people"))
                .noneMatch(t -> t.contains("_clause_murder") || t.contains("_clause_brutality"));
        assertThat(positions("Stop the oppression, exploitation and killing of our people"))
                .noneMatch(t -> t.contains("_clause_killing") || t.contains("_clause_exploitation"));
        // a list of verbs in the imperative still goes on in it
        assertThat(positions("Grab them, choke them, and kill them")).anyMatch(t -> t.contains("_clause_kill"));
        assertThat(positions("Find, choke, and kill them")).anyMatch(t -> t.contains("_clause_kill"));
    }

    @Test
    void letsARuleReadAnImperativeInsideASentence() {
        Rule imperative = TestRules.active("imperative", "\"_clause_ slap her\"~0");
        try (RuleEngine engine = RuleEngine.build(TestRules.pack(imperative))) {
            assertThat(engine.match("She lied, slap her", Optional.of("en")).hits())
                    .hasSize(1);
            assertThat(engine.match("Grab her and slap her", Optional.of("en")).hits())
                    .hasSize(1);
            assertThat(engine.match("Slap her!", Optional.of("en")).hits()).hasSize(1);

            assertThat(engine.match("He walked in and slapped her", Optional.of("en"))
                            .hits())
                    .isEmpty();
            assertThat(engine.match("he would grab her and slap her", Optional.of("en"))
                            .hits())
                    .isEmpty();
        }
    }

    @Test
    void readsTitleCaseAsTheTwoRegularExpressionsItReplacesDid() {
        List<String> texts = new ArrayList<>(RealTexts.lines(3));
        // the corners a char loop can get wrong: Unicode spaces that are no regex \s, vertical tab, "ß" (upper case
        // "SS"), a letter outside the BMP (not upper case as a char), capitals only, links, handles, hashtags, digits
        String[] pieces = {
            "Man",
            "Kill",
            "the",
            "And",
            "STRAßE",
            "Straße",
            "ÆBLE",
            "Æble",
            "\uD835\uDC00bc",
            "\uD835\uDC00",
            "NATO",
            "x",
            "http://t.co/Ab",
            "https",
            "@Some",
            "#Hang",
            "Ab1Cd",
            "A-Bc",
            "Öl",
            "ǅemal",
            "ﬀ",
            "Éte",
            "1999"
        };
        String[] spaces = {" ", " ", " ", "  ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u001C", "-"};
        Random random = new Random(20261206);
        for (int t = 0; t < 50_000; t++) {
            StringBuilder text = new StringBuilder();
            int words = 4 + random.nextInt(12);
            for (int w = 0; w < words; w++) {
                text.append(pieces[random.nextInt(pieces.length)]).append(spaces[random.nextInt(spaces.length)]);
            }
            texts.add(text.toString());
        }
        int headlines = 0;
        for (String text : texts) {
            boolean expected = titleCaseByRegularExpressions(text);
            assertThat(ClauseStartFilter.titleCase(text)).as(text).isEqualTo(expected);
            headlines += expected ? 1 : 0;
        }
        assertThat(headlines).as("texts read as headlines").isGreaterThan(1_000);
    }

    /** {@link ClauseStartFilter#titleCase} as it was written first: a split by white space, then by non-letters. */
    private static boolean titleCaseByRegularExpressions(String text) {
        int capitalised = 0;
        int words = 0;
        for (String token : text.split("\\s+")) {
            if (token.startsWith("http") || token.startsWith("@") || token.startsWith("#")) {
                continue;
            }
            for (String w : token.split("[^\\p{L}]+")) {
                if (w.length() < 2 || w.equals(w.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return capitalised >= 7 && capitalised * 5 >= words * 4;
    }
}
