package org.varsel.pipeline.correlate;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.varsel.contract.Incident;
import org.varsel.contract.Tier;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.rules.LexiconKind;
import org.varsel.pipeline.rules.NamedTargets;
import org.varsel.pipeline.rules.NamedTargets.WordSpan;
import org.varsel.pipeline.rules.TargetWords;

/**
 * When the classifier's score alone may put a signal in the high tier. Hate speech attacks people for who they are and
 * a threat aims violence at someone: both need a target and an attack. The classifier's score is one reading of the
 * words, and it rises with group words themselves (political posts that name a group score like attacks on it), so
 * the high tier asks the rules' lexicons, which the classifier was not trained on, for a second one: a slur (the
 * target and the attack in one word), a group named beside a word of violence, a weapon or dehumanisation, or the
 * reader ("you") beside a word of violence or a weapon; and no counter-speech entry (reporting or condemning).
 * "Beside" is within {@link #BESIDE} words: a group in one breath and violence in another is a political post or an
 * anecdote, not an attack on the group. A signal the score alone opens without these still reaches the queue, at most
 * in tier medium. The same holds for a signal opened only by rules that dehumanise or derogate below
 * the single-signal severity ({@link SingleSignals}): on a real stream they read political abuse and reported speech
 * like attacks, as the score does.
 */
public final class ClassifierAlone {

    /** The highest severity of a signal a weak reading alone opens without a named target and an attack. */
    public static final int LOWERED_SEVERITY = 69;

    /**
     * The most words between a target and the attack on it, about a clause: farther apart they were an anecdote or a
     * political post on the IRA stream and the guards, and no wanted post of the labelled IRA incidents or of the dev
     * sets' threats stood farther (the widest: 8, "Stop them from coming here look at Germany!Rape/murder! ...").
     */
    public static final int BESIDE = 8;

    /** The attacks a group beside them suffers: violence and its means, and dehumanisation (vermin, disease). */
    private static final Set<LexiconKind> ATTACK =
            EnumSet.of(LexiconKind.VIOLENT_ACTION, LexiconKind.WEAPON, LexiconKind.DEHUMANISATION);
    /** A threat to the reader is violence or its means in the second person. */
    private static final Set<LexiconKind> THREAT = EnumSet.of(LexiconKind.VIOLENT_ACTION, LexiconKind.WEAPON);

    /**
     * Every lexicon kind this check reads: a lexicon whose kind moves into or out of these changes which texts the
     * score alone may open ("find" or "send" as violence opened political posts in the high tier).
     */
    static final Set<LexiconKind> KINDS_READ = kindsRead();

    private ClassifierAlone() {}

    private static Set<LexiconKind> kindsRead() {
        Set<LexiconKind> read = EnumSet.of(LexiconKind.SLUR, LexiconKind.COUNTER_SPEECH);
        read.addAll(ATTACK);
        read.addAll(THREAT);
        Arrays.stream(LexiconKind.values()).filter(LexiconKind::namesGroups).forEach(read::add);
        return Collections.unmodifiableSet(read);
    }

    /** The fewest words between a group the text names and an attack word; {@link Integer#MAX_VALUE} when none. */
    public static int groupAttackGap(NamedTargets named) {
        return gap(
                named,
                w -> w.namesGroup(),
                w -> w.kind().filter(ATTACK::contains).isPresent());
    }

    /** The fewest words between "you" and a word of violence or a weapon; {@link Integer#MAX_VALUE} when none. */
    public static int readerThreatGap(NamedTargets named) {
        return gap(
                named,
                w -> w.kind().isEmpty(),
                w -> w.kind().filter(THREAT::contains).isPresent());
    }

    private static int gap(NamedTargets named, Predicate<WordSpan> target, Predicate<WordSpan> attack) {
        int fewest = Integer.MAX_VALUE;
        for (WordSpan t : named.words()) {
            if (target.test(t)) {
                for (WordSpan a : named.words()) {
                    if (attack.test(a)) {
                        fewest = Math.min(fewest, t.wordsTo(a));
                    }
                }
            }
        }
        return fewest;
    }

    /** True when the text names a target and an attack on it, as the lexicons read it (see the class comment). */
    static boolean namesTargetAndAttack(NamedTargets named) {
        Set<LexiconKind> kinds = named.kinds();
        if (kinds.contains(LexiconKind.COUNTER_SPEECH)) {
            return false;
        }
        return kinds.contains(LexiconKind.SLUR) || groupAttackGap(named) <= BESIDE || readerThreatGap(named) <= BESIDE;
    }

    /**
     * Why this signal, opened by a weak reading alone ({@code alone}: the classifier's score, or a rule that opens only
     * because it dehumanises, below the single-signal severity), stays out of the high tier; empty when it may enter it.
     */
    static Optional<String> whyLowered(AnalysedSignal analysed, TargetWords targets, String alone) {
        String text = analysed.signal().text();
        NamedTargets named = targets.in(text, analysed.ruleLanguage());
        if (namesTargetAndAttack(named)) {
            return Optional.empty();
        }
        return Optional.of(
                named.kinds().contains(LexiconKind.COUNTER_SPEECH)
                        ? alone + ", in a text that reports or condemns (a counter-speech word)"
                        : alone + ", and the text names no target with an attack (no slur, no group within "
                                + BESIDE + " words of violence, a weapon or dehumanisation, no \"you\" within "
                                + BESIDE + " words of violence)");
    }

    /** The incident at most at {@link #LOWERED_SEVERITY} and in tier medium at most, saying why. */
    static Incident lowered(Incident incident, String why) {
        int severity = Math.min(incident.severity(), LOWERED_SEVERITY);
        Tier tier = Tier.forSeverity(severity);
        if (severity == incident.severity() && incident.tier() == tier) {
            return incident;
        }
        return incident.toBuilder()
                .severity(severity)
                .tier(tier)
                .explanation(incident.explanation() + " Lowered to severity " + severity + ", tier " + tier.label()
                        + ": " + why + ".")
                .build();
    }
}
