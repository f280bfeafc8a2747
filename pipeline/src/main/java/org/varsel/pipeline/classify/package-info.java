/**
 * Threat/hateful/offensive/neutral document categorisation: the features (words, character n-grams, obfuscation
 * folding, the harm lexicon), the model, its training data (including the project's synthetic templates), training
 * and evaluation (held-out scores, calibration).
 */
package org.varsel.pipeline.classify;
