package org.varsel.pipeline.analysis;

import java.util.Optional;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.SecondChanceMemory;

/**
 * One rule engine's results for the texts it matched lately, so that a text posted again is not analysed again: a
 * coordinated campaign posts the same words from many accounts, and a retweet repeats its original. In the real IRA
 * stream 18-32 % of the texts at parallelism 2 are one of the last 4,096 a subtask matched (docs/performance.md,
 * "Repeated texts matched once"). A result is a function of the text and its language tag alone ({@link
 * SignalMatcher#match}: the engine is fixed), so the remembered one is the one the engine would give.
 */
public final class RecentMatches {

    /**
     * Texts the pipeline remembers: a campaign's copies come within minutes, and the IRA stream's repeats were nearly as
     * often caught by 1,024 texts as by 16,384.
     */
    public static final int TEXTS = 4_096;

    private final RuleEngine engine;
    private final SecondChanceMemory<Key, MatchResult> results;

    /** The words a result depends on: the text and the tag its language is read in. */
    private record Key(String text, Optional<String> language) {}

    /** Remembers the results of at most {@code texts} texts. */
    public RecentMatches(RuleEngine engine, int texts) {
        this.engine = engine;
        this.results = new SecondChanceMemory<>(texts);
    }

    /** The engine whose results these are. */
    public RuleEngine engine() {
        return engine;
    }

    /** {@link SignalMatcher#match} with this engine, answered from memory for a text matched lately. */
    public MatchResult match(AnalysedSignal signal) {
        Key key = new Key(signal.signal().text(), signal.ruleLanguage());
        MatchResult known = results.get(key);
        if (known != null) {
            return known;
        }
        MatchResult result = SignalMatcher.match(engine, signal);
        results.put(key, result);
        return result;
    }
}
