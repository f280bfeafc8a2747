package org.varsel.pipeline.analysis;

import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.RuleEngine;

/**
 * One rule engine's results for the texts it matched lately ({@link RecentTexts}): a text posted again is not analysed
 * again. A result is a function of the text and its language tag alone ({@link SignalMatcher#match}: the engine is
 * fixed), so a new engine starts with an empty memory.
 */
public final class RecentMatches {

    private final RuleEngine engine;
    private final RecentTexts<MatchResult> results;

    /** Remembers the results of at most {@code texts} texts. */
    public RecentMatches(RuleEngine engine, int texts) {
        this.engine = engine;
        this.results = new RecentTexts<>(texts);
    }

    /** The engine whose results these are. */
    public RuleEngine engine() {
        return engine;
    }

    /** {@link SignalMatcher#match} with this engine, answered from memory for a text matched lately. */
    public MatchResult match(AnalysedSignal signal) {
        return results.answer(signal.signal().text(), signal.ruleLanguage(), () -> SignalMatcher.match(engine, signal));
    }
}
