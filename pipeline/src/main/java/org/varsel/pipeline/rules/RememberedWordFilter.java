package org.varsel.pipeline.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Runs the filters that treat each word on its own (lower case, script folding, obfuscation repair, accent and letter
 * folding, stemming) once per distinct word, and replays their output for the word's later occurrences. Those filters
 * were half of a document's analysis (Snowball alone a sixth; docs/performance.md, issue 20), and the same words come
 * back in every signal. The filters see only a word's text and whether it is a keyword (the stacked {@code _person_}),
 * so their output for a word is always the same: the words it becomes, each with its position increment (a repaired
 * word is stacked on the original, words run together follow it) and the original's offsets and other attributes.
 */
final class RememberedWordFilter extends TokenFilter {

    /**
     * Most words remembered per analyzer, so junk tokens cannot grow the memory. A stream's vocabulary outgrows it (the
     * IRA tweets hold ~139,000 words): over tweets 40,000-100,000, 10.3 % of look-ups missed at 32,768 words, 8.1 %
     * at this size (131,072: 7.0 %), for ~300 bytes a word held (docs/performance.md, issue 20).
     */
    static final int MAX_REMEMBERED = 65_536;

    /**
     * What the filters made of one word: the words in order, each with its increment and keyword flag as the filters set
     * them (a stacked as-written {@code =says} is a keyword, the word under it is not).
     */
    record Replay(String[] terms, int[] increments, boolean[] keywords) {}

    /** Word → replay, for every stream of one analyzer; a keyword's key starts with {@link #KEYWORD}. */
    static final class Memory extends SecondChanceMemory<String, Replay> {
        Memory() {
            super(MAX_REMEMBERED);
        }
    }

    private static final char KEYWORD = '\u0001';

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final Memory memory;
    private final OneWord word = new OneWord();
    private final TokenStream filters;
    private final CharTermAttribute filtered;
    private final PositionIncrementAttribute filteredIncrement;
    private final KeywordAttribute filteredKeyword;

    private Replay pending;
    private int next;
    private State original;

    /** {@code filters} builds the per-word filter chain over its argument; it must keep no state between words. */
    RememberedWordFilter(TokenStream in, Memory memory, UnaryOperator<TokenStream> filters) {
        super(in);
        this.memory = memory;
        this.filters = filters.apply(word);
        filtered = this.filters.addAttribute(CharTermAttribute.class);
        filteredIncrement = this.filters.addAttribute(PositionIncrementAttribute.class);
        filteredKeyword = this.filters.addAttribute(KeywordAttribute.class);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null && next < pending.terms().length) {
            restoreState(original);
            term.setEmpty().append(pending.terms()[next]);
            increment.setPositionIncrement(pending.increments()[next]);
            keyword.setKeyword(pending.keywords()[next]);
            next++;
            return true;
        }
        int skipped = 0;
        while (input.incrementToken()) {
            Replay replay = replay();
            if (replay.terms().length == 0) {
                // a filter dropped the word (script folding to nothing): its position goes to the next word, as
                // FilteringTokenFilter does
                skipped += increment.getPositionIncrement();
                continue;
            }
            // the filters were run on the word with an increment of 1: the first word keeps the token's own
            increment.setPositionIncrement(increment.getPositionIncrement() + skipped + replay.increments()[0] - 1);
            term.setEmpty().append(replay.terms()[0]);
            keyword.setKeyword(replay.keywords()[0]);
            pending = replay;
            next = 1;
            if (replay.terms().length > 1) {
                original = captureState();
            }
            return true;
        }
        return false;
    }

    private Replay replay() throws IOException {
        boolean isKeyword = keyword.isKeyword();
        String key = isKeyword ? KEYWORD + term.toString() : term.toString();
        Replay known = memory.get(key);
        if (known != null) {
            return known;
        }
        Replay replay = filter(isKeyword ? key.substring(1) : key, isKeyword);
        memory.put(key, replay);
        return replay;
    }

    /** Runs the filters over the word alone. */
    private Replay filter(String text, boolean isKeyword) throws IOException {
        word.set(text, isKeyword);
        List<String> terms = new ArrayList<>(1);
        List<Integer> increments = new ArrayList<>(1);
        List<Boolean> keywords = new ArrayList<>(1);
        filters.reset();
        while (filters.incrementToken()) {
            terms.add(filtered.toString());
            increments.add(filteredIncrement.getPositionIncrement());
            keywords.add(filteredKeyword.isKeyword());
        }
        filters.end();
        filters.close();
        boolean[] keywordFlags = new boolean[keywords.size()];
        for (int i = 0; i < keywordFlags.length; i++) {
            keywordFlags[i] = keywords.get(i);
        }
        return new Replay(
                terms.toArray(String[]::new),
                increments.stream().mapToInt(Integer::intValue).toArray(),
                keywordFlags);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        next = 0;
        original = null;
    }

    /** A stream of one word, with an increment of 1, fed to the per-word filters. */
    private static final class OneWord extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private String text;
        private boolean isKeyword;
        private boolean done;

        void set(String text, boolean isKeyword) {
            this.text = text;
            this.isKeyword = isKeyword;
        }

        @Override
        public boolean incrementToken() {
            if (done) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(text);
            increment.setPositionIncrement(1);
            keyword.setKeyword(isKeyword);
            done = true;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            done = false;
        }
    }
}
