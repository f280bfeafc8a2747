package org.varsel.pipeline.enrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the pipeline learns from a signal's text.
 *
 * @param language BCP-47 primary language tag, {@code und} when undetermined
 * @param languageConfidence margin of the detected language over its runner-up in [0, 1]; 1 for a trusted hint
 * @param urls canonical URLs in order of appearance, without duplicates
 * @param platforms platform labels of those URLs ({@code x}, {@code telegram}, ..., {@code web}), without duplicates
 * @param hashtags lower case, without '#'
 * @param mentions lower-case handles, without '@'
 * @param category top label: {@code hateful}, {@code offensive} or {@code neutral}
 * @param scores probability of every label, in the order hateful, offensive, neutral
 * @param modelVersion version of the classifier model, {@code doccat-<hash>}
 * @param text the text as analysed: the input, or its Unicode form when it was converted
 * @param encodingConverted the legacy encoding the text was converted from ({@code zawgyi}), null when it was not
 */
public record Enrichment(
        String language,
        double languageConfidence,
        List<String> urls,
        List<String> platforms,
        List<String> hashtags,
        List<String> mentions,
        String category,
        Map<String, Double> scores,
        String modelVersion,
        String text,
        String encodingConverted) {

    public Enrichment {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(text, "text");
        urls = List.copyOf(urls);
        platforms = List.copyOf(platforms);
        hashtags = List.copyOf(hashtags);
        mentions = List.copyOf(mentions);
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }
}
