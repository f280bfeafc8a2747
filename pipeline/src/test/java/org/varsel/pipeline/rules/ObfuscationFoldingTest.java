package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.rules.TestRules.active;
import static org.varsel.pipeline.rules.TestRules.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Property-style: random obfuscations of the words a rule needs must not defeat the rule. */
class ObfuscationFoldingTest {

    private static final int TRIALS = 2000;
    private static final Map<Character, String> LOOK_ALIKES =
            Map.of('o', "0", 'i', "1!", 'e', "3", 'a', "4@", 's', "5$", 't', "7", 'b', "8", 'l', "|");
    private static final Map<Character, Character> ACCENTED =
            Map.of('a', 'á', 'e', 'é', 'i', 'í', 'o', 'ö', 'u', 'ü', 'n', 'ñ', 'c', 'ç');
    private static final String SEPARATORS = ".-_* ·";

    private static RuleEngine engine;

    @BeforeAll
    static void buildEngine() {
        engine = RuleEngine.build(pack(
                active("en-kill", "kill AND migrants"),
                active("en-phrase", "\"exterminate them\""),
                active("da-phrase", "\"smid dem ud\" AND muslimer", RuleLanguage.DA),
                active("any-vermin", "vermin AND parasites", RuleLanguage.ANY)));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private record Case(String ruleId, String language, String template, List<String> words) {}

    private static final List<Case> CASES = List.of(
            new Case("en-kill", "en", "we have to %s all the %s tonight", List.of("kill", "migrants")),
            new Case("en-phrase", "en", "time to %s %s, no mercy", List.of("exterminate", "them")),
            new Case("da-phrase", "da", "%s %s %s, alle %s", List.of("smid", "dem", "ud", "muslimer")),
            new Case("any-vermin", "fr", "ce sont des %s et des %s", List.of("vermin", "parasites")));

    @Test
    void randomlyObfuscatedKeyWordsStillMatchAndTheirSpansAreHighlighted() {
        Random random = new Random(20240611);
        for (int trial = 0; trial < TRIALS; trial++) {
            Case c = CASES.get(trial % CASES.size());
            List<String> obfuscated =
                    c.words().stream().map(w -> obfuscate(w, random)).toList();
            String text = String.format(c.template(), obfuscated.toArray());

            MatchResult result = engine.match(text, Optional.of(c.language()));

            assertThat(result.hits()).as("rule %s on %s", c.ruleId(), text).anySatisfy(hit -> {
                assertThat(hit.ruleId()).isEqualTo(c.ruleId());
                assertThat(hit.matchedTerms())
                        .allSatisfy(t ->
                                assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
                String highlighted = String.join(
                        " ", hit.matchedTerms().stream().map(MatchedTerm::text).toList());
                assertThat(obfuscated).allSatisfy(w -> assertThat(highlighted).contains(w));
            });
        }
    }

    @Test
    void lettersSeparatedBySpacesAreJoinedWhenTheWordStandsAlone() {
        try (RuleEngine e = RuleEngine.build(pack(active("r", "kill AND migrants")))) {
            MatchResult result = e.match("k i l l all the m i g r a n t s", Optional.of("en"));

            assertThat(result.hits())
                    .singleElement()
                    .satisfies(h -> assertThat(h.matchedTerms())
                            .extracting(MatchedTerm::text)
                            .containsExactly("k i l l", "m i g r a n t s"));
        }
    }

    @Test
    void swappedDroppedAndRunTogetherLettersMatchTheWordAndHighlightWhatWasWritten() {
        try (RuleEngine e = RuleEngine.build(
                pack(active("en", "kill AND migrants"), active("da", "dræbe AND muslimer", RuleLanguage.DA)))) {
            assertThat(e.match("I will klil every one of the mgirants", Optional.of("en"))
                            .hits())
                    .singleElement()
                    .satisfies(h -> assertThat(h.matchedTerms())
                            .extracting(MatchedTerm::text)
                            .containsExactly("klil", "mgirants"));
            assertThat(e.match("I willkillevery one of the migrants", Optional.of("en"))
                            .hits())
                    .singleElement()
                    .satisfies(h -> assertThat(h.matchedTerms())
                            .extracting(MatchedTerm::text)
                            .containsExactly("willkillevery", "migrants"));
            assertThat(e.match("Jeg vil drbe alle de msulimer", Optional.of("da"))
                            .hits())
                    .hasSize(1);
            assertThat(e.match("Jeg vildræbealle de muslimer", Optional.of("da"))
                            .hits())
                    .hasSize(1);
            // the words as written still match, and a word real posts use is never corrected ("skillet" is no "kill")
            assertThat(e.match("kill the migrants", Optional.of("en")).hits()).hasSize(1);
            assertThat(e.match("a skillet for the migrants", Optional.of("en")).hits())
                    .isEmpty();
        }
    }

    @Test
    void aRuleMeansTheWordsTheAnalystWroteNotTheirRepairs() {
        // "klil" in a rule is not repaired into "kill": only documents are
        try (RuleEngine e = RuleEngine.build(pack(active("r", "klil AND migrants")))) {
            assertThat(e.match("kill the migrants", Optional.of("en")).hits()).isEmpty();
            assertThat(e.match("klil the migrants", Optional.of("en")).hits()).hasSize(1);
        }
    }

    @Test
    void invisibleCharactersAndMixedScriptHomoglyphsAreFolded() {
        try (RuleEngine e = RuleEngine.build(pack(active("r", "kill AND migrants")))) {
            // U+200B zero-width space; U+0430 Cyrillic a inside a Latin word
            assertThat(e.match("ki\u200Bll the migr\u0430nts", Optional.of("en"))
                            .hits())
                    .hasSize(1);
            // U+0433 Cyrillic ge looks like no Latin letter: the word stays unreadable to the rule
            assertThat(e.match("kill the mi\u0433rants", Optional.of("en")).hits())
                    .isEmpty();
        }
    }

    @Test
    void greekHomoglyphsInLatinWordsAreFoldedAndGreekWordsAreLeftAlone() {
        try (RuleEngine e = RuleEngine.build(pack(active("r", "kill AND migrants")))) {
            // U+03B9 Greek iota, U+039C Greek capital mu, U+03B1 Greek alpha inside Latin words
            assertThat(e.match("k\u03B9ll the \u039Cigr\u03B1nts", Optional.of("en"))
                            .hits())
                    .hasSize(1);
        }
        try (RuleEngine e = RuleEngine.build(pack(active("r", "\u03BA\u03B1\u03BB\u03B1", RuleLanguage.ANY)))) {
            // an all-Greek word (kala) is Greek, not an obfuscated "kaia"
            assertThat(e.match("\u03BA\u03B1\u03BB\u03B1").hits()).hasSize(1);
        }
    }

    @Test
    void plainNumbersAndMentionsAreNotTurnedIntoWords() {
        try (RuleEngine e = RuleEngine.build(pack(active("r", "lol AND sea", RuleLanguage.ANY)))) {
            assertThat(e.match("101 5ea").hits()).isEmpty();
            assertThat(e.match("l0l 5ea").hits()).hasSize(1);
        }
        try (RuleEngine e = RuleEngine.build(pack(active("r", "auser", RuleLanguage.ANY)))) {
            assertThat(e.match("@user hello").hits()).isEmpty();
        }
    }

    @Test
    void ordinaryOneLetterWordsAreNotSplicedTogether() {
        try (RuleEngine e = RuleEngine.build(pack(active("r", "ia", RuleLanguage.ANY)))) {
            assertThat(e.match("I a").hits()).isEmpty();
            assertThat(e.match("i.a.m").hits()).isEmpty();
        }
    }

    /** One of: case noise, look-alikes, stretched letters, separators between letters, accents. */
    static String obfuscate(String word, Random random) {
        String w = word;
        int ops = 1 + random.nextInt(3);
        boolean spliced = false;
        for (int i = 0; i < ops; i++) {
            switch (random.nextInt(5)) {
                case 0 -> w = randomCase(w, random);
                case 1 -> w = lookAlikes(w, random);
                case 2 -> w = stretch(w, random);
                case 3 -> w = accents(w, random);
                default -> spliced = w.length() >= 3;
            }
        }
        return spliced ? splice(w, random) : w;
    }

    private static String randomCase(String w, Random r) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) {
            sb.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static String lookAlikes(String w, Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            String options = LOOK_ALIKES.get(c);
            char sub = options == null ? 0 : options.charAt(r.nextInt(options.length()));
            boolean unsafe = (sub == '@' && i == 0) || (sub == '!' && i == w.length() - 1);
            sb.append(sub != 0 && !unsafe && r.nextInt(3) == 0 ? sub : c);
        }
        return sb.toString();
    }

    private static String stretch(String w, Random r) {
        int i = r.nextInt(w.length());
        char c = w.charAt(i);
        return Character.isLetter(c)
                ? w.substring(0, i) + String.valueOf(c).repeat(3 + r.nextInt(4)) + w.substring(i)
                : w;
    }

    private static String accents(String w, Random r) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) {
            Character a = ACCENTED.get(c);
            sb.append(a != null && r.nextInt(3) == 0 ? a : c);
        }
        return sb.toString();
    }

    private static String splice(String w, Random r) {
        char sep = SEPARATORS.charAt(r.nextInt(SEPARATORS.length()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length(); i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(w.charAt(i));
        }
        return sb.toString();
    }
}
