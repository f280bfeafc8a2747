package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The words of one signal as each of its fields was analysed into the signal's index, kept so that reading its hits
 * (which lexicon entries lie under the matched words: {@link HitInterpreter}) does not analyse the text a second time
 * for every language a hit rule is written for; that second analysis was ~7 % of rule matching in the bench's profile
 * (docs/performance.md, issue 20). The words are copied into buffers kept for the thread's next signal and made into
 * {@link Lexicons.Token}s only for a language some hit asks for. A field analysed by the same chain as one before it is
 * given that field's words again ({@link #replay}) instead of a second analysis ({@link SignalAnalysis}). One a thread;
 * not safe to share.
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
     * The words this signal's {@code language} field was given, as a stream again: the same terms, position increments
     * and offsets, and the same state at its end, which is all a {@code MemoryIndex} reads of a stream.
     *
     * @throws IllegalStateException when this signal's field was not analysed
     */
    TokenStream replay(RuleLanguage language) {
        Field field = fields[language.ordinal()];
        if (field == null || !field.recorded) {
            throw new IllegalStateException("the signal was not analysed for " + language.code());
        }
        return new Replay(field);
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

    /**
     * One field's words: their characters one after another, per word where they end, its offsets and its position
     * increment, and the offsets and increment its stream ended with.
     */
    private static final class Field {
        /** Ints kept per word. */
        private static final int WORD = 4;

        private char[] chars = new char[256];
        private int length;
        /** Per word: the end of its characters, its start and end offset in the text, its position increment. */
        private int[] words = new int[WORD * 64];

        private final int[] end = new int[3];

        private int count;
        private boolean recorded;

        void clear() {
            length = 0;
            count = 0;
            recorded = false;
        }

        void add(char[] term, int termLength, int start, int end, int increment) {
            if (length + termLength > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + termLength));
            }
            System.arraycopy(term, 0, chars, length, termLength);
            length += termLength;
            if (WORD * count + WORD > words.length) {
                words = Arrays.copyOf(words, 2 * words.length);
            }
            int at = WORD * count;
            words[at] = length;
            words[at + 1] = start;
            words[at + 2] = end;
            words[at + 3] = increment;
            count++;
        }

        void ended(int start, int end, int increment) {
            this.end[0] = start;
            this.end[1] = end;
            this.end[2] = increment;
        }

        List<Lexicons.Token> tokens() {
            List<Lexicons.Token> tokens = new ArrayList<>(count);
            int from = 0;
            for (int i = 0; i < count; i++) {
                int to = words[WORD * i];
                tokens.add(new Lexicons.Token(
                        new String(chars, from, to - from), words[WORD * i + 1], words[WORD * i + 2]));
                from = to;
            }
            return tokens;
        }
    }

    /** Passes a field's stream through unchanged, copying each word. */
    private static final class Recorder extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
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
            field.add(
                    term.buffer(),
                    term.length(),
                    offset.startOffset(),
                    offset.endOffset(),
                    increment.getPositionIncrement());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            field.ended(offset.startOffset(), offset.endOffset(), increment.getPositionIncrement());
        }
    }

    /** A recorded field's words as a stream. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final Field field;
        private int next;
        private int from;

        Replay(Field field) {
            this.field = field;
        }

        @Override
        public boolean incrementToken() {
            if (next == field.count) {
                return false;
            }
            clearAttributes();
            int at = Field.WORD * next;
            int to = field.words[at];
            term.copyBuffer(field.chars, from, to - from);
            offset.setOffset(field.words[at + 1], field.words[at + 2]);
            increment.setPositionIncrement(field.words[at + 3]);
            from = to;
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(field.end[0], field.end[1]);
            increment.setPositionIncrement(field.end[2]);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
            from = 0;
        }
    }
}
