package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a text quotes someone else's speech, and where the author speaks. */
class QuotedSpeechFilterTest {

    /** The repository's words of slogans and greetings, which no saying's author's name holds. */
    private static final Set<String> NOT_AN_AUTHOR = QuotedSpeechFilter.notAnAuthorIn(RepositoryRules.lexicons());

    private static List<Integer> quotationStarts(String text) {
        return QuotedSpeechFilter.quotationStarts(text, NOT_AN_AUTHOR);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Alabama law school student: \u2018I\u2019ll kill you\u2019 Spread this forever",
                "UA probes racist threats by students: \u201CI\u2019ll kill you\u201D",
                "Cop who yelled 'I will kill you' is suspended",
                "Trump Elector: Gay People Should Hang From Trees",
                "Church Pastor: If You Don\u2019t Stand While National Anthem Is Playing, You Should Be Shot"
            })
    void findsSpeechQuotedAfterAColonAVerbOfSpeechOrAHeadlinesSpeaker(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"They want a war? Then we destroy them.\" ~ Senator Karen Holm #Quotes",
                "\u201CStrike them down before they strike you.\u201D \u2014 General Lars Vinther",
                "'You will hang for this, every one of you.' - Mayor Holm https://t.co/x1",
                "Her fans are like \"we will find you and end you\" over a bad review",
                "and they're like 'I will shoot you all' lol"
            })
    void findsAQuotationSignedWithItsSpeakersNameOrIntroducedByBeLike(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Stand together; stand apart and you will be hunted, you will be killed.  Ada Lindqvist https://t.co/x1",
                "A people that forgets its dead will be slaughtered again! Tomas Berglund Okafor #quote",
                "If you do not fight for your land you will die on it. Dr. Amira Haddad"
            })
    void findsASayingPostedWithItsAuthorsNameAndNoQuotationMarks(String text) {
        assertThat(quotationStarts(text)).containsExactly(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // after a comma the name is the one addressed
                "Touch my sister again and you will be killed, Ada Lindqvist",
                // a slogan, a greeting or a headline's tag is no author
                "They will all hang for this, every one of them. Vote Trump https://t.co/x1",
                "We will burn their houses down tonight. Happy Thanksgiving #tcot",
                "Migrants will be shot at the border from Monday. Breaking News https://t.co/x1",
                // too short to be a saying: a signed message
                "Bye now. Ada Lindqvist"
            })
    void aNameAtTheEndIsNoSayingsAuthorAfterACommaOrASloganOrAMessage(String text) {
        assertThat(quotationStarts(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'I will f*cking destroy you!' bribery trial reveals the mayor's calls https://t.co/x1",
                "\u2018I Mean, I Would Crucify Her\u2019 https://t.co/x1 the senator's version",
                "an officer holding up a child saying \"You must die so that my people may live.\"",
                "Islamist shouting (Death to America, we will behead you) at an adviser",
                "Sure, when a lunatic says I'm gonna kill you in the name of his god it has nothing to do with it"
            })
    void findsAQuotationAReportFramesOrSpeechAfterAParticipleOrWithoutQuotationMarks(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Cop: If I can get away with it, I would have put a bullet in ... their heads https://t.co/x1",
                "Guard: I'd shoot them at the fence if they let me",
                "Imam: we will not rest until the city is ours"
            })
    void findsTheWordsOfAOneWordSpeakerBeforeAColonWithoutQuotationMarks(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "France's Jews Flee Rioters Burn Shops Chant Gas The Jews' https://t.co/x1",
                "Preacher Tells Crowd Kill The Unbelievers",
                "Protesters Chant Death To The Police Outside Station"
            })
    void findsTheWordsATitleCaseHeadlineReportsAfterAVerbOfSpeech(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"You hit on her...I'll cut off your balls.\"  \u2615\u2615\u2615  #HTGAWM",
                "\"I will end you dead / cut you short, give you wheels for legs\" #SomeSongTitle",
                "\"I was gonna kill a couple rivals/ But they did it to themselves\""
            })
    void findsALineQuotedWholeWithNothingButHashtagsAfterIt(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'll kill you, don't speak to me wrong",
                "@karen_holm: 'I will kill you'",
                "I say to the migrants: 'leave or we burn you out'",
                "and then I said 'I will kill you' to him",
                "BREAKING: I'm going to shoot every Somali in Ribe tomorrow",
                "Migrants: Go Home Now",
                "watch this https://t.co/DgNyBdfBHk",
                // one speaker and a link's "https:" are no dialogue (IRA: a wanted incident was lost to it)
                "Muslim Invasion: HALF A MILLION cases of SEXUAL ATTACKS in Sweden via The Geller Report - ..."
                        + " https://t.co/m82oJodq2w",
                "'@BleepThePolice Suspended? They killed a human being!!'",
                "\"I will kill you all\" - me, every Monday morning",
                "'we will hunt you down' - and we will",
                "we're like 'we will kill you all' and we mean it",
                "I was like \"I will end you\"",
                "'I will destroy you!' I said at the trial",
                "I'm saying 'I will kill you' and I mean it",
                "we were chanting (kill them all) all night",
                "'@karen_holm I will kill you' the trial is a joke",
                "Everyone says the trial is rigged. I'm gonna kill you, judge",
                // a one-word speaker: an address to a group or a person ("you"), or the author's own label
                "Liberals: we will hunt you down",
                "Hillary: I will find you and end you",
                "Update: I'm going to shoot every one of them tomorrow",
                "Confession: I would shoot him if I could",
                // a verb of speech in Title Case: the author's own, or not a headline
                "I Say Gas Them All",
                "they chant kill them all and I agree",
                "THEY SAY KILL THEM ALL AND I AGREE",
                // a quotation with the author's words after it, or the whole text in single marks (the IRA stream's
                // wrap)
                "\"I will kill you all\" and I mean every word #Aarhus",
                "'I will kill you all' #Aarhus",
                "\" consider this your last warning, next time I'll break your neck \""
            })
    void findsNoQuotationWhereTheAuthorSpeaks(String text) {
        assertThat(quotationStarts(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Trump: I want to kick out Muslims.  Y'all: He didn't mean that.",
                "killer clown: move ONE muscle and i'll kill you! me:  https://t.co/237BODY6E3"
            })
    void readsEachTurnOfADialogueButTheAuthorsOwnAsQuoted(String text) {
        assertThat(quotationStarts(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Hillary Clinton's public position on Julian Assange: Kill Him.  #FreeJulian",
                "Hillary's plan to prevent future attacks: Take our guns Claim Islam's peaceful",
                "Feminists' logic: shoot the messenger, then cry about violence",
                "Senator Holm\u2019s answer to the migrants: Deport them all or shoot them at the border"
            })
    void findsAStanceTheTextGivesToSomeoneNamedInTheGenitive(String text) {
        assertThat(quotationStarts(text)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Here's an idea: kill them all",
                "My plan: shoot every one of them at the border",
                "The only solution: kill them all",
                "Everyone who has watched the Senator's plan for months and years now knows: kill them all",
                // the colon of a link after a stance's noun
                "Hillary's foreign policy in a nutshell. https://t.co/x1 so burn them all"
            })
    void aStanceWithoutSomeoneElsesGenitiveIsTheAuthors(String text) {
        assertThat(quotationStarts(text)).isEmpty();
    }

    @Test
    void readsTurnsRunTogetherWithoutASentencesEndEachAfterItsSpeakersName() {
        String text = "Trump appointees views on Muslims: Huckabee: they're uncorked animals Flynn: Islam is a cancer"
                + " Pompeo: Muslim leaders encourage terrorism";
        assertThat(quotationStarts(text))
                .contains(text.indexOf("they're"), text.indexOf("Islam is"), text.indexOf("Muslim leaders"));
        assertThat(quotationStarts("Sick of them all Muslims: leave now or we will kill you all"))
                .isEmpty();
        // labels of a post, each before a link or a number, are no turns
        assertThat(quotationStarts("#NowPlaying Mo Stylz - Burn The American Dream :: Tune In: https://t.co/x1"))
                .isEmpty();
        // pages a comment cites (Jigsaw: "I'm a Wikipedia:Administrator ... Wikipedia:Recently created admins")
        assertThat(quotationStarts("I'll take a peek at your band. I'm a Wikipedia:Administrator, see"
                        + " Wikipedia:Recently created admins and Wikipedia:Unsuccessful adminship candidacies"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Muslims: leave now or we will kill you all", "me: i will kill you all. tonight at 8"})
    void aSingleTurnIsNoDialogue(String text) {
        assertThat(quotationStarts(text)).isEmpty();
    }

    @Test
    void readsEveryTurnOfALongDialogueAndOnlyTheStanceOfALongList() {
        // the checks at each colon read the words before it in place: thousands of colons, each read in a few words
        StringBuilder dialogue = new StringBuilder();
        StringBuilder list = new StringBuilder("Hillary's plan for the border: Shoot them all. ");
        for (int i = 0; i < 3_000; i++) {
            dialogue.append("Anna: we will take the ferry at noon. Bo: the ferry left an hour ago. ");
            list.append("Item ")
                    .append(i)
                    .append(": 2.4% of the vote, see https://t.co/x")
                    .append(i)
                    .append(' ');
        }
        assertThat(quotationStarts(dialogue.toString())).hasSize(6_000);
        assertThat(quotationStarts(list.toString())).containsExactly(list.indexOf("Shoot"));
    }

    /**
     * A word of ASCII letters is looked up without the split (docs/performance.md, session 23): the first person is
     * found where the split of every lower-cased word found it, on random texts of first persons in every case,
     * longer words that hold them, and letters whose lower case is more than a letter ("İ" is "i" and a dot).
     */
    @Test
    void findsTheFirstPersonWhereTheSplitOfEveryLowerCasedWordFoundIt() {
        String[] pieces = {
            "I",
            "i",
            "we",
            "We",
            "WE",
            "my",
            "OUR",
            "me",
            "Us",
            "jeg",
            "Vi",
            "min",
            "VORES",
            "os",
            "Imagine",
            "wei",
            "mine",
            "usable",
            "voresx",
            "\u0130",
            "\u0130S",
            "W\u0130",
            "\u212A",
            "\u01C5",
            "\u00DF",
            "\u00D8s",
            "M\u00CBN",
            "\u00E6re",
            "Trump",
            "said",
            ":",
            " ",
            " ",
            "'",
            "-",
            "\u2019",
            "7",
            "\uD83D\uDE21",
            "\n"
        };
        Random random = new Random(23);
        int found = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int p = 1 + random.nextInt(12); p > 0; p--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String s = text.toString();
            int expected = firstPersonEndOfEverySplitWord(s);
            assertThat(QuotedSpeechFilter.firstPersonEnd(s)).as(s).isEqualTo(expected);
            found += expected == Integer.MAX_VALUE ? 0 : 1;
        }
        assertThat(found).isBetween(1_000, 19_000);
        assertThat(QuotedSpeechFilter.firstPersonEnd("Trump \u0130 said")).isEqualTo(7);
    }

    /**
     * As the filter found the first person before it read ASCII words whole: every run of letters lower-cased and
     * split at what is no letter after it.
     */
    private static int firstPersonEndOfEverySplitWord(String s) {
        Set<String> firstPerson = Set.of("i", "we", "my", "our", "me", "us", "jeg", "vi", "min", "vores", "os");
        Matcher letters = Pattern.compile("\\p{L}+").matcher(s);
        while (letters.find()) {
            for (String word : letters.group().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (firstPerson.contains(word)) {
                    return letters.end();
                }
            }
        }
        return Integer.MAX_VALUE;
    }
}
