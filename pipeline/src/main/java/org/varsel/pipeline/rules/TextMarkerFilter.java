package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.lucene.analysis.TokenStream;

/**
 * Stacks one marker token that rules can name ({@code _person_}, {@code _quoted_}, {@code _title_}, {@code _game_})
 * on the words a subclass finds by where they stand in the text the tokenizer read ({@link TokenPositions}). Placed
 * straight after the tokenizer, where tokens are substrings of that text; documents only.
 */
abstract class TextMarkerFilter extends StackingTokenFilter {

    private final String marker;
    /** Where each token stands in the text the tokenizer read; reset with the stream. */
    final TokenPositions positions;

    /** {@code text} gives the text the tokenizer reads (after obfuscation folding), once the first token is read. */
    TextMarkerFilter(TokenStream in, String marker, Supplier<String> text) {
        super(in, true);
        this.marker = marker;
        this.positions = new TokenPositions(text);
    }

    @Override
    final String stackedOn(String word) {
        return marks(word) ? marker : null;
    }

    /** True when the token just read, whose text is {@code word}, gets the marker. */
    abstract boolean marks(String word);

    @Override
    public void reset() throws IOException {
        super.reset();
        positions.reset();
    }
}
