package org.varsel.pipeline.rules;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Drops the tokenizer's emoji tokens without leaving their positions behind: emoji written between a phrase's words
 * ("I 🔪 will 😡 kill 💀 you", "klapper👏🏻👊🏼alle") would otherwise push the phrase past its slop. No lexicon lists an
 * emoji, so nothing a rule can name is lost. Not Lucene's {@code TypeTokenFilter}: like every
 * {@code FilteringTokenFilter} it adds a dropped token's position increment to the next token it keeps, so the gap the
 * emoji made would stay, which is what this filter is for removing.
 */
final class EmojiDroppingFilter extends TokenFilter {

    /** The type both {@code StandardTokenizer} and {@code ICUTokenizer} give an emoji (with its modifiers and joiners). */
    static final String EMOJI_TYPE = "<EMOJI>";

    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    EmojiDroppingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        while (input.incrementToken()) {
            if (!EMOJI_TYPE.equals(type.type())) {
                return true;
            }
        }
        return false;
    }
}
