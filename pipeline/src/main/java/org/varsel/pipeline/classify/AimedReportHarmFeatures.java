package org.varsel.pipeline.classify;

/**
 * {@link HarmFeatures} with the {@link TargetFeatures target features} and the {@link ReportedViolenceFeatures
 * reported-violence features} of a post whose violence is aimed at no group and no one intended
 * ({@link HarmFeatures#AIMED_REPORT_VERSION}). Reported violence alone pulled down accusations and threats that cite
 * what happened ("they said they will kill whites", "they were shot last week, the rest of them next"); their violence
 * is aimed, so here it is not read as a report. A model trained on them names this class, so OpenNLP and
 * {@link WordWeights} compute them for it.
 */
public final class AimedReportHarmFeatures extends HarmFeatures {

    public AimedReportHarmFeatures() {
        super(AIMED_REPORT_VERSION);
    }
}
