package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.varsel.pipeline.RealTexts;
import org.varsel.pipeline.nlp.DictionaryWords;
import org.varsel.pipeline.nlp.ScriptFolding;

/**
 * The words {@link ShingledText} finds by runs of letters, marks and numbers are the words the regular expression it
 * replaced found ({@code [^\p{L}\p{M}\p{N}]+} replaced by a space, trimmed, split), over real posts (DKHate, Davidson,
 * HateXplain, IRA tweets) and over random strings of letters, marks, digits, surrogates (paired and lone), spaces and
 * punctuation from many scripts, and over random strings of link and mention parts in either case (the expressions
 * are skipped where they cannot match).
 */
class ShingledWordsEquivalenceTest {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    @Test
    void wordsAreTheRegularExpressionsOnRealPosts() {
        List<String> texts = RealTexts.lines(5);
        assertThat(texts).hasSizeGreaterThan(80_000);
        for (String text : texts) {
            assertThat(ShingledText.normalisedWords(text)).as(text).isEqualTo(regexWords(text));
        }
    }

    @Test
    void wordsAreTheRegularExpressionsOnRandomUnicode() {
        Random random = new Random(3);
        String pool = "aZ9 ,.-_'@#/:æøÅ\u0301\u0903\u20dd\u0661\u2167\u00bd\ud835\udc00\ud83d\ude00\ud83d\ude00"
                + "\ud835\udfce\udc00\ud800\u1000\u103a\u0e01\u0e31\u4e2d\u2028\u00a0\t\n\u200b\u02b0\u01c5\u0130";
        for (int t = 0; t < 50_000; t++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                s.append(pool.charAt(random.nextInt(pool.length())));
            }
            String text = s.toString();
            assertThat(ShingledText.normalisedWords(text)).as(text).isEqualTo(regexWords(text));
        }
    }

    @Test
    void wordsAreTheRegularExpressionsAroundLinksAndMentionsInAnyCase() {
        Random random = new Random(7);
        String[] parts = {
            "www.",
            "www",
            "ww.",
            "http://",
            "https://",
            "://",
            "hxxp://",
            "@",
            "@user",
            "mail@example.dk",
            ".",
            ":",
            "/",
            "example.com/path?q=1",
            "t.co/abc",
            " ",
            "  ",
            "Read",
            "nu",
            "#tag",
            "ǅ",
            "ẞ",
            "İ",
            "\u212a"
        };
        for (int t = 0; t < 50_000; t++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(8);
            for (int i = 0; i < length; i++) {
                for (char c : parts[random.nextInt(parts.length)].toCharArray()) {
                    s.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
            }
            String text = s.toString();
            assertThat(ShingledText.normalisedWords(text)).as(text).isEqualTo(regexWords(text));
        }
    }

    /** The implementation replaced. */
    private static List<String> regexWords(String text) {
        String stripped = ShingledText.MENTION
                .matcher(ShingledText.URL.matcher(text).replaceAll(" "))
                .replaceAll(" ");
        String[] tokens = NOT_WORD.matcher(stripped.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .trim()
                .split(" ");
        List<String> words = new ArrayList<>(tokens.length);
        for (String token : tokens) {
            if (!token.isEmpty()) {
                DictionaryWords.split(ScriptFolding.fold(token), word -> {
                    if (!word.isEmpty()) {
                        words.add(word);
                    }
                });
            }
        }
        if (!words.isEmpty() && words.get(0).equals("rt")) {
            words.remove(0);
        }
        return words;
    }
}
