package org.varsel.pipeline.analysis;

import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.Incident;
import org.varsel.pipeline.rules.Sentences;

/**
 * How far a text's context rules reach: the hits they reach are read as quoted, reported or condemned rather than
 * meant. A context rule reaches the whole text, save one tagged {@value RuleMatch#SENTENCE_SCOPE_TAG}: a report's
 * attribution or its words of violence done ("police say", "were attacked") tell what others said or did in their own
 * sentence, so such a rule reaches only the sentences its matched words stand in, and the sentence after one that ends
 * in a colon ("students were chanting: ..."). The author's call in a sentence of its own after a report ("Police say
 * three were attacked at the mosque. Now kill all the X") keeps its weight.
 */
final class ContextReach {

    private final boolean wholeText;
    /** The reached sentences, each as its first character and the character after its last. */
    private final List<int[]> sentences;

    private ContextReach(boolean wholeText, List<int[]> sentences) {
        this.wholeText = wholeText;
        this.sentences = sentences;
    }

    /** The reach of the {@code context} rule matches of {@code text}. */
    static ContextReach of(String text, List<RuleMatch> context) {
        List<int[]> sentences = new ArrayList<>();
        for (RuleMatch c : context) {
            if (!c.readsItsSentencesOnly()) {
                return new ContextReach(true, List.of());
            }
            for (Incident.MatchedTerm t : c.terms()) {
                int end = Sentences.endOf(text, t.start());
                sentences.add(new int[] {Sentences.startOf(text, t.start()), end});
                if (end > 0 && text.charAt(end - 1) == ':') {
                    sentences.add(new int[] {end, Sentences.endOf(text, end)});
                }
            }
        }
        return new ContextReach(false, sentences);
    }

    /**
     * True when the context reaches a word {@code hit} matched: only a hit wholly outside the report's sentences keeps
     * its weight, so a reading that runs from the report into the next sentence ("... mental illness. They killed her")
     * stays capped.
     */
    boolean reaches(RuleMatch hit) {
        // a hit without located words cannot be placed outside the report: it stays capped, as before sentences
        return wholeText || hit.terms().isEmpty() || hit.terms().stream().anyMatch(this::inAReachedSentence);
    }

    private boolean inAReachedSentence(Incident.MatchedTerm term) {
        for (int[] s : sentences) {
            if (s[0] <= term.start() && term.end() <= s[1]) {
                return true;
            }
        }
        return false;
    }
}
