package org.varsel.pipeline.enrich;

import java.util.Optional;
import org.varsel.pipeline.classify.Classification;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.extract.EntityExtractor;
import org.varsel.pipeline.extract.ExtractedEntities;
import org.varsel.pipeline.nlp.LanguageGuess;
import org.varsel.pipeline.nlp.LanguageIdentifier;
import org.varsel.pipeline.nlp.ZawgyiConversion;

/**
 * The pipeline's one entry point for text: language, canonical links and platforms, hashtags, mentions
 * and the threat/hateful/offensive/neutral classification with its model version.
 *
 * <p>Construct one per operator instance (in {@code open()}): the models are read once per JVM and
 * shared, so construction is cheap after the first. An instance is not thread-safe; confine it to one
 * thread. Any string is accepted (empty, megabytes, binary garbage); cost is bounded because each step
 * reads a bounded prefix.
 */
public final class TextEnricher {

    private final LanguageIdentifier languages;
    private final HarmClassifier classifier;
    private final ZawgyiConversion zawgyi = new ZawgyiConversion();

    /** An enricher over the bundled language detector and classifier model. */
    public TextEnricher() {
        this(new LanguageIdentifier(), HarmClassifier.bundled());
    }

    public TextEnricher(LanguageIdentifier languages, HarmClassifier classifier) {
        this.languages = languages;
        this.classifier = classifier;
    }

    /**
     * Enriches {@code text}; a present {@code languageHint} (BCP-47 or ISO 639) is trusted over detection. Zawgyi-encoded
     * Burmese is converted to Unicode first, and every step reads the converted text.
     */
    public Enrichment enrich(String text, Optional<String> languageHint) {
        String original = text == null ? "" : text;
        Optional<String> unicode = zawgyi.unicodeOf(original);
        String t = unicode.orElse(original);
        LanguageGuess language = languages.identify(t, languageHint == null ? Optional.empty() : languageHint);
        ExtractedEntities entities = EntityExtractor.extract(t);
        Classification classification = classifier.classify(t);
        return new Enrichment(
                language.language(),
                language.confidence(),
                entities.urls(),
                entities.platforms(),
                entities.hashtags(),
                entities.mentions(),
                classification.category().label(),
                classification.scores(),
                classifier.modelVersion(),
                t,
                unicode.isPresent() ? ZawgyiConversion.ZAWGYI : null);
    }

    public String modelVersion() {
        return classifier.modelVersion();
    }
}
