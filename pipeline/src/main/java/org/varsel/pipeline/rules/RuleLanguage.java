package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages a rule can be written for; {@link #ANY} uses language-neutral analysis. */
public enum RuleLanguage {
  EN("en", "text_en"),
  DA("da", "text_da"),
  ANY("any", "text");

  private final String code;
  private final String field;

  RuleLanguage(String code, String field) {
    this.code = code;
    this.field = field;
  }

  /** The code used in rule files: {@code en}, {@code da} or {@code any}. */
  @JsonValue
  public String code() {
    return code;
  }

  /** The Lucene field that holds a document analysed for this language. */
  String field() {
    return field;
  }

  /** Parses a rule file's language code. */
  public static Optional<RuleLanguage> ofCode(String code) {
    for (RuleLanguage l : values()) {
      if (l.code.equals(code)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  /** The codes rule and lexicon files may use, for messages. */
  static String codes() {
    return String.join(", ", Arrays.stream(values()).map(RuleLanguage::code).toList());
  }

  @JsonCreator
  static RuleLanguage fromJson(String code) {
    return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown language: " + code));
  }

  /**
   * True for tags of languages the identifier confuses with Danish, and for {@code und}: Danish rules run on them
   * too ({@link RuleEngine#fieldsFor}).
   */
  static boolean isScandinavianFallback(String tag) {
    switch (primarySubtag(tag)) {
      case "nb": case "nn": case "no": case "nob": case "nno": case "nor": case "norwegian":
      case "sv": case "swe": case "swedish":
      case "und":
        return true;
      default:
        return false;
    }
  }

  private static String primarySubtag(String tag) {
    String t = tag.trim().toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
    return dash > 0 ? t.substring(0, dash) : t;
  }

  /**
   * The language-specific analysis for a document's language tag ({@code en}, {@code en-GB},
   * {@code eng}, {@code English}, {@code da}, {@code dan}, {@code Danish}...): empty when the tag
   * names another language.
   */
  static Optional<RuleLanguage> ofDocumentTag(String tag) {
    switch (primarySubtag(tag)) {
      case "en": case "eng": case "english": return Optional.of(EN);
      case "da": case "dan": case "danish": case "dansk": return Optional.of(DA);
      default: return Optional.empty();
    }
  }
}
