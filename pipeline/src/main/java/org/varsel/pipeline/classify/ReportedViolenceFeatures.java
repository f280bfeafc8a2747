package org.varsel.pipeline.classify;

/**
 * The signs that a post reports violence that happened rather than calls for it (harm-features-5): a violent verb in
 * the past tense or passive ("was shot", "blev dræbt"), a third person before it ("a man stabbed"), the words of a
 * news report, a court or the police near it, a date or a place. A threat speaks of what will or should happen to its
 * target; news, a verdict or a memorial speaks of what happened to someone, and the model reads the same violent words
 * in both; a participle after "be", "should" or "skal" is a demand, not a report, and counts as none. Reads the {@link WordClass} bits of each token in order, with the words of {@link HarmLexicon#REPORTED_RESOURCE}.
 */
final class ReportedViolenceFeatures {

    /** How many tokens before a violent participle a word that makes it unreal may be ("should not be shot": three). */
    static final int UNREAL_WINDOW = 3;
    /** How many tokens before a past violent word its auxiliary may be ("were brutally killed": two). */
    static final int PASSIVE_WINDOW = 2;
    /** How many tokens before a past violent word its subject may be ("a young man stabbed": three). */
    static final int SUBJECT_WINDOW = 3;
    /** How many tokens from a past violent word a news word may be and still describe it. */
    static final int NEWS_WINDOW = 8;

    static final String PAST = "r=past";
    static final String PASSIVE = "r=passive";
    static final String THIRD_PAST = "r=third>past";
    static final String NEWS_PAST = "r=news~past";
    static final String PAST_DATE = "r=past+date";
    static final String PAST_PLACE = "r=past+place";
    /** Past violence with one more sign of a report and no call to act in the post. */
    static final String REPORTED = "r=reported";

    private static final int PAST_VIOLENCE = WordClass.REPORTED.bit();
    private static final int AUXILIARY = WordClass.AUXILIARY.bit();
    private static final int THIRD = WordClass.THIRD.bit();
    private static final int NEWS = WordClass.NEWS.bit();
    private static final int UNREAL = WordClass.UNREAL.bit();

    private ReportedViolenceFeatures() {}

    /** Passes the reported-violence features of a text to {@code sink}, from the classes of its first {@code n} tokens. */
    static void add(int[] tokenClasses, int n, int documentClasses, HarmFeatures.FeatureSink sink) {
        if ((documentClasses & PAST_VIOLENCE) == 0) {
            return;
        }
        boolean past = false;
        boolean passive = false;
        boolean third = false;
        boolean news = false;
        for (int i = 0; i < n; i++) {
            if ((tokenClasses[i] & PAST_VIOLENCE) == 0
                    || TargetFeatures.classWithin(tokenClasses, i - UNREAL_WINDOW, i, UNREAL)) {
                continue;
            }
            past = true;
            passive |= TargetFeatures.classWithin(tokenClasses, i - PASSIVE_WINDOW, i, AUXILIARY);
            third |= TargetFeatures.classWithin(tokenClasses, i - SUBJECT_WINDOW, i, THIRD);
            news |= TargetFeatures.classWithin(tokenClasses, i - NEWS_WINDOW, Math.min(n, i + NEWS_WINDOW + 1), NEWS);
        }
        if (!past) {
            return;
        }
        boolean date = (documentClasses & WordClass.DATE.bit()) != 0;
        boolean place = (documentClasses & WordClass.PLACE.bit()) != 0;
        sink.feature(PAST);
        TargetFeatures.emit(sink, passive, PASSIVE);
        TargetFeatures.emit(sink, third, THIRD_PAST);
        TargetFeatures.emit(sink, news, NEWS_PAST);
        TargetFeatures.emit(sink, date, PAST_DATE);
        TargetFeatures.emit(sink, place, PAST_PLACE);
        boolean call = (documentClasses & WordClass.CALL.bit()) != 0;
        TargetFeatures.emit(sink, !call && (passive || third || news || date), REPORTED);
    }
}
