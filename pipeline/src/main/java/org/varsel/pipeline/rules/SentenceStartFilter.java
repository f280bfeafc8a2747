package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Puts the token {@value #TOKEN} in the position just before the first word of a sentence that may open with an
 * imperative, so that a rule can say that a verb opens one: {@code "_start_ @killing_imperative them"} reads "Hang
 * them." and "… traitors. Gas them all" as imperatives, and not "muslims hang them", whose verb has a subject. A
 * sentence whose first word is a past form or a gerund ("Killed her.", "Shot him while he was down", "Killing X is
 * …") gets no marker: stemming makes "killed" "kill" and collapsing double letters makes "shoot" "shot", so only the
 * word as written tells the report from the call. The marker shares the position of the previous sentence's last word
 * (and, before a text's first word, takes a position of its own), so no two words of the text move apart and every
 * other rule matches as before; it carries the opening word's offsets.
 *
 * <p>Placed after the tokenizer (and {@link PersonNameFilter}), where each word is still a substring of the text the
 * tokenizer read. Documents only: a rule writes the token itself.
 */
final class SentenceStartFilter extends TokenFilter {

    /** The synthetic token rules write for "a sentence starts here". */
    static final String TOKEN = "_start_";

    /** Irregular past forms of the verbs a call to kill uses in the imperative. */
    private static final Set<String> PAST_FORMS = Set.of("shot", "hung", "slew", "burnt", "stabbed", "beaten");

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final TokenPositions positions;
    private boolean first = true;
    /** The opening word, given after the marker put before it. */
    private State opening;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    SentenceStartFilter(TokenStream in, Supplier<String> text) {
        super(in);
        this.positions = new TokenPositions(text);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (opening != null) {
            restoreState(opening);
            opening = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (increment.getPositionIncrement() == 0) {
            return true; // a token stacked on a word (_person_) opens nothing
        }
        boolean atFirst = first;
        first = false;
        String word = term.toString();
        int start = positions.find(word);
        if (start < 0) {
            return true;
        }
        if (!opensSentence(positions.text(), start) || pastOrGerund(word)) {
            return true;
        }
        opening = captureState();
        term.setEmpty().append(TOKEN);
        keyword.setKeyword(true);
        increment.setPositionIncrement(atFirst ? 1 : 0);
        return true;
    }

    /**
     * A past form ("killed", "shot", "hung") or a gerund ("killing"; longer than six letters, so that "string" and
     * "bring" stay imperatives): what opens a report, not a call.
     */
    static boolean pastOrGerund(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return (w.length() > 3 && w.endsWith("ed")) || (w.length() > 6 && w.endsWith("ing")) || PAST_FORMS.contains(w);
    }

    /**
     * Nothing before the word but opening quotes, brackets and spaces since the start or a sentence's end ({@link
     * Sentences}).
     */
    static boolean opensSentence(CharSequence s, int start) {
        for (int i = start - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (Sentences.isEnd(c)) {
                return true;
            }
            if (!Character.isWhitespace(c) && "\"'\u201C\u2018\u00AB\u00BB([*-#>".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        positions.reset();
        first = true;
        opening = null;
    }
}
