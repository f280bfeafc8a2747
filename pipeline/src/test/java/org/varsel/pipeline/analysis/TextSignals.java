package org.varsel.pipeline.analysis;

import java.time.Instant;
import java.util.List;
import org.varsel.contract.Signal;
import org.varsel.contract.Tlp;
import org.varsel.pipeline.rules.RuleEngine;

/** Signals of a text alone for matcher tests, and the rule matches a matcher keeps of them. */
final class TextSignals {

    private TextSignals() {}

    /** A signal of {@code text} in {@code language} and nothing else, analysed. */
    static AnalysedSignal of(String text, String language) {
        return AnalysedSignal.of(new Signal(
                "s-1",
                "feed:test",
                "1",
                "post",
                Instant.EPOCH,
                null,
                null,
                null,
                text,
                language,
                Tlp.CLEAR,
                null,
                null));
    }

    /** The rule matches of {@code engine}'s active hits on such a signal, as the pipeline keeps them. */
    static List<RuleMatch> activeMatches(RuleEngine engine, String text, String language) {
        AnalysedSignal signal = of(text, language);
        return SignalMatcher.withActiveHits(signal, SignalMatcher.match(engine, signal))
                .ruleMatches();
    }
}
