package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The words of one signal as each of its fields was analysed into the signal's index, kept so that reading its hits
 * (which lexicon entries lie under the matched words: {@link HitInterpreter}) does not analyse the text a second time
 * for every language a hit rule is written for; that second analysis was ~7 % of rule matching in the bench's profile
 * (docs/performance.md, issue 20). The words are copied into buffers kept for the thread's next signal and made into
 * {@link Lexicons.Token}s only for a language some hit asks for. One a thread; not safe to share.
 */
final class AnalysedWords {

    private final Field[] fields = new Field[RuleLanguage.values().length];

    /** Forgets the last signal's words. */
    void clear() {
        for (Field f : fields) {
            if (f != null) {
                f.clear();
            }
        }
    }

    /** {@code analysed}, the stream of {@code language}'s field, copying each word it gives into this signal's words. */
    TokenStream recording(RuleLanguage language, TokenStream analysed) {
        Field field = fields[language.ordinal()];
        if (field == null) {
            field = new Field();
            fields[language.ordinal()] = field;
        }
        field.clear();
        field.recorded = true;
        return new Recorder(analysed, field);
    }

    /**
     * The words of {@code language}'s field in the order the analysis gave them, as {@link Lexicons#analyse} gives
     * them for the same text.
     *
     * @throws IllegalStateException when this signal's field was not analysed
     */
    List<Lexicons.Token> tokens(RuleLanguage language) {
        Field field = fields[language.ordinal()];
        if (field == null || !field.recorded) {
            throw new IllegalStateException("the signal was not analysed for " + language.code());
        }
        return field.tokens();
    }

    /** One field's words: their characters one after another, and per word where they end and its offsets. */
    private static final class Field {
        private char[] chars = new char[256];
        private int length;
        /** Per word: the end of its characters, its start and end offset in the text. */
        private int[] words = new int[3 * 64];

        private int count;
        private boolean recorded;

        void clear() {
            length = 0;
            count = 0;
            recorded = false;
        }

        void add(char[] term, int termLength, int start, int end) {
            if (length + termLength > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + termLength));
            }
            System.arraycopy(term, 0, chars, length, termLength);
            length += termLength;
            if (3 * count + 3 > words.length) {
                words = Arrays.copyOf(words, 2 * words.length);
            }
            words[3 * count] = length;
            words[3 * count + 1] = start;
            words[3 * count + 2] = end;
            count++;
        }

        List<Lexicons.Token> tokens() {
            List<Lexicons.Token> tokens = new ArrayList<>(count);
            int from = 0;
            for (int i = 0; i < count; i++) {
                int to = words[3 * i];
                tokens.add(new Lexicons.Token(new String(chars, from, to - from), words[3 * i + 1], words[3 * i + 2]));
                from = to;
            }
            return tokens;
        }
    }

    /** Passes a field's stream through unchanged, copying each word. */
    private static final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final Field field;

        Recorder(TokenStream in, Field field) {
            super(in);
            this.field = field;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            field.add(term.buffer(), term.length(), offset.startOffset(), offset.endOffset());
            return true;
        }
    }
}
