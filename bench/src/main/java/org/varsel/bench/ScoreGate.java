package org.varsel.bench;

import java.util.Optional;
import java.util.regex.Pattern;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.ClassifierAlone;
import org.varsel.pipeline.correlate.Severity;
import org.varsel.pipeline.rules.LexiconKind;
import org.varsel.pipeline.rules.NamedTargets;
import org.varsel.pipeline.rules.TargetWords;

/**
 * Why a text the classifier scores at or above the path's hateful + threat threshold is not opened in the high tier:
 * is it the model or the gate ({@code ClassifierAlone})? One reason per text, the first that applies, in the order the
 * path asks: the rules read the text as quoting or condemning (the score then opens nothing), a counter-speech word, no
 * target (no slur, no group, no "you"), a target but no word of violence, weapon or dehumanisation anywhere, both but
 * farther apart than the gate allows, or something else (a rule's own reading kept it below the high tier).
 */
final class ScoreGate {

    /** Why the score did not open the text in the high tier. */
    enum Why {
        QUOTED_OR_CONDEMNED("rules read it as quoted or condemned"),
        COUNTER_SPEECH("a counter-speech word"),
        NO_TARGET("no target"),
        NO_ATTACK("a target, no attack word"),
        NOT_BESIDE("target and attack too far apart"),
        OTHER("other");

        final String label;

        Why(String label) {
            this.label = label;
        }
    }

    /** The classifier's score and, when it reached the threshold but the path did not open the high tier, why. */
    record Reading(double score, Optional<Why> why) {}

    // one word for one, so that the words' numbers, and the gaps the gate measures, stay as they were
    private static final Pattern HER_OR_HIM =
            Pattern.compile("(?<![\\p{L}\\p{N}'’])(?:her|him)(?![\\p{L}\\p{N}'’])", Pattern.CASE_INSENSITIVE);

    private ScoreGate() {}

    static Reading read(AnalysedSignal analysed, TargetWords targets, double threshold, Optional<Tier> pathTier) {
        double score = Severity.harmScore(analysed.scores());
        if (score < threshold || RecognitionRates.Reading.high(pathTier)) {
            return new Reading(score, Optional.empty());
        }
        return new Reading(
                score,
                Optional.of(why(quoted(analysed), targets.in(analysed.signal().text(), analysed.ruleLanguage()))));
    }

    /**
     * True when the gate would let a score in: the rules do not read the text as quoted or condemned and the lexicons
     * find a slur, or a group or the reader beside an attack, and no counter-speech word.
     */
    static boolean letsIn(AnalysedSignal analysed, TargetWords targets) {
        return why(quoted(analysed), targets.in(analysed.signal().text(), analysed.ruleLanguage())) == Why.OTHER;
    }

    /**
     * True when the gate would let a score in only if "her" or "him" counted as a target as "you" does (beside a word
     * of violence or a weapon): the third-person singular target the gate does not read.
     */
    static boolean letsInHerOrHim(AnalysedSignal analysed, TargetWords targets) {
        String text = analysed.signal().text();
        String asReader = herOrHimAsReader(text);
        // Danish "her" is "here"
        return analysed.ruleLanguage().filter("da"::equals).isEmpty()
                && !asReader.equals(text)
                && !letsIn(analysed, targets)
                && why(quoted(analysed), targets.in(asReader, analysed.ruleLanguage())) == Why.OTHER;
    }

    /** The text with every "her" and "him" written "you", one word for one. */
    static String herOrHimAsReader(String text) {
        return HER_OR_HIM.matcher(text).replaceAll("you");
    }

    private static boolean quoted(AnalysedSignal analysed) {
        return analysed.ruleMatches().stream().anyMatch(m -> m.isContext() || m.reportedSpeech());
    }

    /** The reason, from whether the rules read the text as quoted and whom the lexicons find it naming. */
    static Why why(boolean quoted, NamedTargets named) {
        if (quoted) {
            return Why.QUOTED_OR_CONDEMNED;
        }
        if (named.kinds().contains(LexiconKind.COUNTER_SPEECH)) {
            return Why.COUNTER_SPEECH;
        }
        boolean slur = named.kinds().contains(LexiconKind.SLUR);
        boolean group = named.words().stream().anyMatch(NamedTargets.WordSpan::namesGroup);
        if (!slur && !group && !named.reader()) {
            return Why.NO_TARGET;
        }
        if (slur) {
            return Why.OTHER;
        }
        int gap = Math.min(ClassifierAlone.groupAttackGap(named), ClassifierAlone.readerThreatGap(named));
        return gap == Integer.MAX_VALUE ? Why.NO_ATTACK : gap > ClassifierAlone.BESIDE ? Why.NOT_BESIDE : Why.OTHER;
    }
}
