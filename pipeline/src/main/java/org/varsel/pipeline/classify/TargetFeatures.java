package org.varsel.pipeline.classify;

/**
 * What a violent word is aimed at, and whether intent comes before it (harm-features-4): a threat names a person or a
 * group after its violent verb ("I will kill you", "shoot them all"), a saying or a task a thing or nothing ("kill
 * this printer", "kill the engine", "before you die, live"), and a plan with a person has intent but no violence at
 * all ("going to see the mayor on Saturday"). Reads the {@link WordClass} bits of each token in order, with the
 * person, thing and intent words of {@link HarmLexicon#targets()}; insults count as people ("kill that bitch"), groups
 * and othering pronouns as groups.
 */
final class TargetFeatures {

    /** How many tokens after a violent word its object may be ("kill all the migrants": three). */
    static final int OBJECT_WINDOW = 3;
    /** How many tokens before a violent word intent may be ("i am going to kill": two). */
    static final int INTENT_WINDOW = 3;

    static final String VIOLENCE_PERSON = "t=violence>person";
    static final String VIOLENCE_GROUP = "t=violence>group";
    static final String VIOLENCE_THING = "t=violence>thing";
    static final String VIOLENCE_NO_OBJECT = "t=violence>none";
    static final String INTENT_VIOLENCE = "t=intent>violence";
    static final String INTENT_VIOLENCE_AIMED = "t=intent>violence>aimed";
    static final String PLAN = "t=plan";
    static final String PLAN_PERSON = "t=plan>person";

    private static final int PERSON = WordClass.PERSON.bit() | WordClass.INSULT.bit();
    private static final int GROUP = WordClass.GROUP.bit() | WordClass.THEY.bit();
    private static final int THING = WordClass.THING.bit();
    private static final int VIOLENCE = WordClass.VIOLENCE.bit();
    private static final int INTENT = WordClass.INTENT.bit();
    private static final int HARM = VIOLENCE | WordClass.WEAPON.bit();

    private TargetFeatures() {}

    /**
     * Passes the target features of a text to {@code sink}, from the classes of its first {@code n} tokens; returns
     * whether its violence is aimed: at a group, or at a person or group after intent ({@link #VIOLENCE_GROUP},
     * {@link #INTENT_VIOLENCE_AIMED}).
     */
    static boolean add(int[] tokenClasses, int n, int documentClasses, HarmFeatures.FeatureSink sink) {
        if ((documentClasses & VIOLENCE) != 0) {
            return violence(tokenClasses, n, sink);
        }
        if ((documentClasses & INTENT) != 0 && (documentClasses & HARM) == 0) {
            sink.feature(PLAN);
            if (intentBefore(tokenClasses, n, PERSON)) {
                sink.feature(PLAN_PERSON);
            }
        }
        return false;
    }

    private static boolean violence(int[] tokenClasses, int n, HarmFeatures.FeatureSink sink) {
        boolean person = false;
        boolean group = false;
        boolean thing = false;
        boolean none = false;
        boolean intent = false;
        boolean intentAimed = false;
        for (int i = 0; i < n; i++) {
            if ((tokenClasses[i] & VIOLENCE) == 0) {
                continue;
            }
            int object = object(tokenClasses, n, i);
            person |= (object & PERSON) != 0;
            group |= object != 0 && (object & PERSON) == 0 && (object & GROUP) != 0;
            thing |= object == THING;
            none |= object == 0;
            if (classWithin(tokenClasses, i - INTENT_WINDOW, i, INTENT)) {
                intent = true;
                intentAimed |= (object & (PERSON | GROUP)) != 0;
            }
        }
        emit(sink, person, VIOLENCE_PERSON);
        emit(sink, group, VIOLENCE_GROUP);
        emit(sink, thing, VIOLENCE_THING);
        emit(sink, none, VIOLENCE_NO_OBJECT);
        emit(sink, intent, INTENT_VIOLENCE);
        emit(sink, intentAimed, INTENT_VIOLENCE_AIMED);
        return group || intentAimed;
    }

    /**
     * The target bits of the first token after the violent word at {@code at} that names a person, group or thing
     * (only those bits, person and group before thing when one word is both), or 0 when none does within the window.
     */
    private static int object(int[] tokenClasses, int n, int at) {
        for (int j = at + 1; j <= at + OBJECT_WINDOW && j < n; j++) {
            int c = tokenClasses[j];
            if ((c & (PERSON | GROUP)) != 0) {
                return c & (PERSON | GROUP);
            }
            if ((c & THING) != 0) {
                return THING;
            }
        }
        return 0;
    }

    /** True when an intent word is followed within {@link #INTENT_WINDOW} tokens by a word of {@code classes}. */
    private static boolean intentBefore(int[] tokenClasses, int n, int classes) {
        for (int i = 0; i < n; i++) {
            if ((tokenClasses[i] & INTENT) != 0
                    && classWithin(tokenClasses, i + 1, Math.min(n, i + 1 + INTENT_WINDOW + 1), classes)) {
                return true;
            }
        }
        return false;
    }

    /** True when a token in [from, to) has one of {@code classes}. */
    static boolean classWithin(int[] tokenClasses, int from, int to, int classes) {
        for (int k = Math.max(0, from); k < to; k++) {
            if ((tokenClasses[k] & classes) != 0) {
                return true;
            }
        }
        return false;
    }

    static void emit(HarmFeatures.FeatureSink sink, boolean present, String feature) {
        if (present) {
            sink.feature(feature);
        }
    }
}
