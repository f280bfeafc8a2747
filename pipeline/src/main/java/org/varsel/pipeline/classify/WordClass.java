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
    INSULT;

    int bit() {
        return 1 << ordinal();
    }
}
