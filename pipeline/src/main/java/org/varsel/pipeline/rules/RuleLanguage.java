package org.varsel.pipeline.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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

  @JsonCreator
  static RuleLanguage fromJson(String code) {
    return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown language: " + code));
  }

  /**
   * The language-specific analysis for a document's language tag ({@code en}, {@code en-GB},
   * {@code eng}, {@code English}, {@code da}, {@code dan}, {@code Danish}...): empty when the tag
   * names another language.
   */
  static Optional<RuleLanguage> ofDocumentTag(String tag) {
    String t = tag.trim().toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
    if (dash > 0) {
      t = t.substring(0, dash);
    }
    switch (t) {
      case "en": case "eng": case "english": return Optional.of(EN);
      case "da": case "dan": case "danish": case "dansk": return Optional.of(DA);
      default: return Optional.empty();
    }
  }
}
