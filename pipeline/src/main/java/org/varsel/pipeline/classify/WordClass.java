package org.varsel.pipeline.classify;

/** A class of words in the {@link HarmLexicon}; the classifier sees which classes a post combines. */
enum WordClass {
    VIOLENCE,
    WEAPON,
    DEHUMANISE,
    GROUP,
    TIME,
    PLACE,
    CALL,
    THEY,
    COUNTER,
    INSULT,
    /** Who a violent word can be aimed at: object pronouns, a mention, a person by role. */
    PERSON,
    /** What a violent word aimed at is no person: a machine, a game, a task ("kill the engine"). */
    THING,
    /** Intent, plan and obligation (will, going, should, deserve, skal, burde). */
    INTENT,
    /** A violent verb in the past tense or as a participle: "killed", "was shot", "blev dræbt". */
    REPORTED,
    /** What stands before a passive or a perfect: was, were, been, has, blev, er blevet. */
    AUXILIARY,
    /** The words of a report, a court or the police: police, trial, sentenced, victim, ifølge. */
    NEWS,
    /** A third person who did or suffered violence: he, she, a man, manden. */
    THIRD,
    /** When something happened: yesterday, ago, a month, a number. */
    DATE,
    /**
     * What makes a violent participle a demand or a future, not a report: be, will, should, deserve, skal, blive
     * ("should be shot", "skal skydes", "will get killed").
     */
    UNREAL;

    int bit() {
        return 1 << ordinal();
    }
}
