package org.varsel.pipeline.analysis;

import java.util.Optional;
import java.util.function.Supplier;
import org.varsel.pipeline.rules.SecondChanceMemory;

/**
 * What an analysis that reads only a text and its language tag gave for the texts it read lately, so that a text posted
 * again is not read again: a coordinated campaign posts the same words from many accounts, and a retweet repeats its
 * original. In the real IRA stream 18-32 % of the texts at parallelism 2 are one of the last 4,096 a subtask read
 * (docs/performance.md, "Repeated texts analysed once"). The analysis must be a function of the two alone, so that the
 * remembered answer is the one it would give; its answer must not be changed by whoever receives it.
 */
public final class RecentTexts<V> {

    /**
     * Texts the pipeline remembers: a campaign's copies come within minutes, and the IRA stream's repeats were nearly as
     * often caught by 1,024 texts as by 16,384.
     */
    public static final int TEXTS = 4_096;

    /**
     * Longest text remembered, in chars: a post or a tweet; a signal may be 64 KiB, and 4,096 of those would hold
     * hundreds of megabytes. At most 4,096 × 2,000 chars (16 MB) a memory.
     */
    static final int LONGEST = 2_000;

    private final SecondChanceMemory<Key, V> answers;

    /** The words an answer depends on: the text and the tag its language is read in. */
    private record Key(String text, Optional<String> language) {}

    /** Remembers the answers for at most {@code texts} texts. */
    public RecentTexts(int texts) {
        this.answers = new SecondChanceMemory<>(texts);
    }

    /**
     * The answer for {@code text} in {@code language}: remembered when the two were read lately, else {@code analysis}'s,
     * which must be the analysis of exactly this text in this language, for it is remembered as theirs.
     */
    public V answer(String text, Optional<String> language, Supplier<V> analysis) {
        if (text != null && text.length() > LONGEST) {
            return analysis.get();
        }
        Key key = new Key(text, language);
        V known = answers.get(key);
        if (known != null) {
            return known;
        }
        V answer = analysis.get();
        answers.put(key, answer);
        return answer;
    }
}
