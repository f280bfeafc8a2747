package org.varsel.pipeline.classify;

/**
 * {@link HarmFeatures} with the WordNet harm words of the rule lexicons read as violence and weapons
 * ({@link HarmFeatures#WORDNET_VERSION}). A model trained on them names this class, so OpenNLP and {@link WordWeights}
 * compute them for it.
 */
public final class WordNetHarmFeatures extends HarmFeatures {

    public WordNetHarmFeatures() {
        super(WORDNET_VERSION);
    }
}
