package org.varsel.pipeline.rules;

import java.util.Map;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks the standard spelling of a modal or a pronoun on its chat spelling or typo in English documents ("wil", "wll"
 * → will, "shoult" → should, "yuo", "u" → you): a threat's verb is often spelt right and its modal or pronoun not ("i
 * wll kill u", "X shoult be raped to death"), and a rule writes the word once, as it is spelt. The repair of
 * obfuscated words ({@link ObfuscationRepairFilter}) reads only towards violent words and leaves these alone; a word
 * that is also an ordinary word ("wood", "ill", "were") is not taken for a modal. Not "r" for "are": it read a
 * candidate's rally lines run together ("mexican immigrants r murderers rapist ...", a HateXplain post labelled normal)
 * as the author's derogation, and no threat needed it.
 */
final class ChatSpellingFilter extends StackingTokenFilter {

    /** Chat spelling or typo (lower case) → the word; one word each, so positions do not move. */
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("wil", "will"),
            Map.entry("wll", "will"),
            Map.entry("wiil", "will"),
            Map.entry("wud", "would"),
            Map.entry("wuld", "would"),
            Map.entry("woud", "would"),
            Map.entry("whould", "would"),
            Map.entry("shoult", "should"),
            Map.entry("shoud", "should"),
            Map.entry("shuld", "should"),
            Map.entry("sould", "should"),
            Map.entry("shoudl", "should"),
            Map.entry("shold", "should"),
            Map.entry("shud", "should"),
            Map.entry("shld", "should"),
            Map.entry("u", "you"),
            Map.entry("yuo", "you"),
            Map.entry("yu", "you"),
            Map.entry("yuu", "you"),
            Map.entry("ur", "your"),
            Map.entry("yur", "your"),
            Map.entry("yuor", "your"),
            Map.entry("gunna", "gonna"),
            Map.entry("gona", "gonna"));

    ChatSpellingFilter(TokenStream in) {
        super(in, false);
    }

    @Override
    String stackedOn(String word) {
        return STANDARD.get(word);
    }
}
