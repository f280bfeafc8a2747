package org.varsel.pipeline.classify;

/**
 * {@link HarmFeatures} with the {@link TargetFeatures target features} ({@link HarmFeatures#TARGETED_VERSION}): what a
 * violent word is aimed at, intent before it, a plan without violence. A model trained on them names this class, so
 * OpenNLP and {@link WordWeights} compute them for it, and a model of the plain features is scored as it was.
 */
public final class TargetedHarmFeatures extends HarmFeatures {

    public TargetedHarmFeatures() {
        super(TARGETED_VERSION);
    }
}
