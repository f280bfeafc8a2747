package org.varsel.pipeline.classify;

/**
 * {@link HarmFeatures} with the {@link ReportedViolenceFeatures reported-violence features}
 * ({@link HarmFeatures#REPORTED_VERSION}): past or passive violence, a third person, a news word, a date or place. A
 * model trained on them names this class, so OpenNLP and {@link WordWeights} compute them for it.
 */
public final class ReportedHarmFeatures extends HarmFeatures {

    public ReportedHarmFeatures() {
        super(REPORTED_VERSION);
    }
}
