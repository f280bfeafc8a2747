package org.varsel.pipeline.rules;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the token {@value #TOKEN} on a hashtag game's prompt that opens the text ("#IfIHadABodyDouble …",
 * "#ThingsIWouldDoForMoney …", "#RulesForEverydayLiving …"), so that a context rule can read what follows as a move in
 * the game, a persona's line, not the author's own threat. A prompt is read from its capitals: at least three words,
 * opening as the games do ("If", "Things", "Sometimes", "Rules", "Reasons", "When", "The Trouble", "I Have" …).
 *
 * <p>Placed straight after the tokenizer, where tokens are substrings of the text it read (as {@link
 * TitleHashtagFilter}); documents only.
 */
final class HashtagGameFilter extends TextMarkerFilter {

    /** The synthetic token context rules write for "a hashtag game's prompt opens the text". */
    static final String TOKEN = "_game_";

    /** First words of a game's prompt. Lower case. */
    private static final Set<String> OPENERS =
            Set.of("if", "things", "when", "sometimes", "rules", "reasons", "ways", "signs", "why", "how", "what");
    /** Second words that make a prompt of "The …" or "I …" ("TheTroubleWith", "IHaveARightToKnow"). Lower case. */
    private static final Set<String> SECOND_WORDS =
            Set.of("trouble", "worst", "best", "have", "would", "wish", "need", "never");
    /** Fewest words of a prompt: "#IfOnly" is a hashtag, "#IfIWerePresident" a game. */
    private static final int MIN_WORDS = 3;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    HashtagGameFilter(TokenStream in, Supplier<String> text) {
        super(in, TOKEN, text);
    }

    @Override
    boolean marks(String word) {
        int start = positions.find(word);
        return start > 0 && opensTheText(positions.text(), start - 1) && isPrompt(word);
    }

    /** The '#' at {@code hash} has nothing but spaces, quote marks or a dot before it. */
    private static boolean opensTheText(String text, int hash) {
        if (text.charAt(hash) != '#') {
            return false;
        }
        for (int i = 0; i < hash; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && "'\".\u2018\u201C".indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code hashtag} (without its '#') reads as a hashtag game's prompt. */
    static boolean isPrompt(String hashtag) {
        String[] words = TitleHashtagFilter.CAMEL_CASE.split(hashtag);
        if (words.length < MIN_WORDS) {
            return false;
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        String second = words[1].toLowerCase(Locale.ROOT);
        return OPENERS.contains(first) || (first.equals("the") || first.equals("i")) && SECOND_WORDS.contains(second);
    }
}
