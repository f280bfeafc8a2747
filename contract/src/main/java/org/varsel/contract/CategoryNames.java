package org.varsel.contract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Categories as a platform's reviewer reads them, and which labels are no category of harm at all. The classifier's
 * labels (threat, hateful, offensive, neutral: the pipeline's {@code classify.Category}) reach incidents too: "hateful"
 * is hate, "threat" a threat, while "offensive" and "neutral" (and the rules' "context") say nothing a notice could
 * rest on, so a brief never shows them as categories.
 */
public final class CategoryNames {
  /** The classifier's outcome labels, as the pipeline's {@code classify.Category} names them. */
  public static final List<String> CLASSIFIER_LABELS = List.of("threat", "hateful", "offensive", "neutral");

  private static final Map<String, String> CLASSIFIER_CATEGORY = Map.of("hateful", "hate");
  private static final List<String> NOT_HARMS = List.of("offensive", "neutral", "context");
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("incitement", "Incitement to violence or crime"),
      Map.entry("threat", "Threat of violence"),
      Map.entry("hate", "Hate speech"),
      Map.entry("dangerous-speech", "Dangerous speech against a group"),
      Map.entry("terrorist-content", "Terrorist content"),
      Map.entry("influence-operation", "Influence operation (coordinated inauthentic behaviour)"),
      Map.entry("disinformation", "Disinformation"),
      Map.entry("child-grooming", "Grooming of a child"),
      Map.entry("child-sextortion", "Sexual extortion of a child"),
      Map.entry("child-self-harm", "Encouraging a child's self-harm"),
      Map.entry("child-bullying", "Bullying of a child"),
      Map.entry("child-dangerous-challenge", "Dangerous challenge aimed at children"));

  private CategoryNames() {}

  /** The category a label stands for; empty for labels that are no harm (offensive, neutral, context). */
  public static Optional<String> category(String label) {
    if (label == null || NOT_HARMS.contains(label)) {
      return Optional.empty();
    }
    return Optional.of(CLASSIFIER_CATEGORY.getOrDefault(label, label));
  }

  /** "Incitement to violence or crime" for {@code incitement}; an unknown label in words ("self harm"). */
  public static String name(String category) {
    String known = NAMES.get(category);
    if (known != null) {
      return known;
    }
    String words = category.replace('-', ' ').replace('_', ' ');
    return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
