package org.varsel.pipeline.classify;

/**
 * {@link HarmFeatures} with the {@link ReportedViolenceFeatures reported-violence features} of a post whose violence is
 * aimed at no group and no one intended ({@link HarmFeatures#UNAIMED_REPORT_VERSION}): as {@link AimedReportHarmFeatures},
 * but the target words only decide whether a report is read and give the model no feature of their own, so what the
 * model learns beyond harm-features-5 is the aim alone. A model trained on them names this class, so OpenNLP and
 * {@link WordWeights} compute them for it.
 */
public final class UnaimedReportHarmFeatures extends HarmFeatures {

    public UnaimedReportHarmFeatures() {
        super(UNAIMED_REPORT_VERSION);
    }
}
