package org.varsel.pipeline.nlp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Identifies the language of a signal text with OpenNLP's 103-language detector, or answers {@code und}.
 *
 * <p>Scores spread over 103 languages, so the decision compares the top language with its runner-up
 * instead of using an absolute threshold. Close relatives the detector cannot separate on a short text
 * (Danish and Norwegian Bokmål, German and Low German, ...) do not count as the runner-up: the top
 * language must beat the best language outside its family. Detection runs on a bounded prefix without
 * URLs and mentions, because its cost grows with length. Not thread-safe: one instance per thread.
 */
public final class LanguageIdentifier {

  /** Characters of cleaned text the detector sees; longer posts rarely change language mid-way. */
  public static final int DEFAULT_SAMPLE_CHARS = 160;
  /** Below this many letters the detector guesses (a handle, "ok", "lol"): answer {@code und}. */
  public static final int DEFAULT_MIN_LETTERS = 12;
  /** The top score must be this many times the best score outside its language family. */
  public static final double DEFAULT_MIN_RATIO = 1.25;

  private static final Map<String, String> FAMILY = buildFamilies();

  private final LanguageDetectorME detector;
  private final int sampleChars;
  private final int minLetters;
  private final double minRatio;

  public LanguageIdentifier() {
    this(DEFAULT_SAMPLE_CHARS, DEFAULT_MIN_LETTERS, DEFAULT_MIN_RATIO);
  }

  public LanguageIdentifier(int sampleChars, int minLetters, double minRatio) {
    if (sampleChars < 1 || minLetters < 1 || minRatio < 1.0) {
      throw new IllegalArgumentException("need sampleChars >= 1, minLetters >= 1, minRatio >= 1");
    }
    this.detector =
        new LanguageDetectorME(ModelResources.load(ModelResources.LANGUAGE_DETECTOR, LanguageDetectorModel::new));
    this.sampleChars = sampleChars;
    this.minLetters = minLetters;
    this.minRatio = minRatio;
  }

  /** The language of {@code text}; a well-formed hint is trusted and skips detection. */
  public LanguageGuess identify(String text, Optional<String> trustedHint) {
    Optional<String> hinted = trustedHint.flatMap(LanguageTags::primary);
    if (hinted.isPresent()) {
      return new LanguageGuess(hinted.get(), 1.0);
    }
    return detect(text);
  }

  /** The detected language of {@code text}, or {@code und}. */
  public LanguageGuess detect(String text) {
    if (text == null) {
      return LanguageGuess.UNDETERMINED;
    }
    DetectionSample sample = DetectionSample.of(text, sampleChars);
    if (sample.letters() < minLetters) {
      return LanguageGuess.UNDETERMINED;
    }
    Map<String, Double> byTag = new LinkedHashMap<>();
    for (Language language : detector.predictLanguages(sample.text())) {
      String tag = LanguageTags.primary(language.getLang()).orElse(language.getLang());
      byTag.merge(tag, language.getConfidence(), Double::sum);
    }
    String top = null;
    double topScore = -1;
    for (Map.Entry<String, Double> e : byTag.entrySet()) {
      if (e.getValue() > topScore) {
        top = e.getKey();
        topScore = e.getValue();
      }
    }
    double competitor = 0;
    String family = FAMILY.getOrDefault(top, top);
    for (Map.Entry<String, Double> e : byTag.entrySet()) {
      if (!FAMILY.getOrDefault(e.getKey(), e.getKey()).equals(family)) {
        competitor = Math.max(competitor, e.getValue());
      }
    }
    if (top == null || topScore <= 0 || topScore < competitor * minRatio) {
      return LanguageGuess.UNDETERMINED;
    }
    return new LanguageGuess(top, Math.min(1.0, Math.max(0.0, 1.0 - competitor / topScore)));
  }

  private static Map<String, String> buildFamilies() {
    String[][] families = {
      {"da", "nb", "nn"},
      {"de", "nds", "gsw", "lb"},
      {"nl", "af", "li", "fy"},
      {"ms", "id", "min", "jv", "su"},
      {"hr", "sr", "bs"},
      {"cs", "sk"},
      {"es", "ast", "gl"},
      {"fa", "tg"},
      {"hi", "ur"},
      {"pa", "pnb"},
      {"zh", "nan"},
    };
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] f : families) {
      for (String tag : f) {
        map.put(tag, f[0]);
      }
    }
    return Map.copyOf(map);
  }
}
