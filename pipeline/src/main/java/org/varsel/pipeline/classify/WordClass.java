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
    INTENT;

    int bit() {
        return 1 << ordinal();
    }
}
