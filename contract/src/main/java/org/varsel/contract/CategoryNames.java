package org.varsel.contract;

import java.util.LinkedHashMap;
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
    /** Labels that say no harm was found: never a category of a notice or of a report's trend. */
    public static final List<String> NOT_HARMS = List.of("offensive", "neutral", "context");
    /** In the order a partner reads them (intake lists them when a category is malformed). */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("incitement", "Incitement to violence or crime");
        NAMES.put("threat", "Threat of violence");
        NAMES.put("hate", "Hate speech");
        NAMES.put("dangerous-speech", "Dangerous speech against a group");
        NAMES.put("terrorist-content", "Terrorist content");
        NAMES.put("influence-operation", "Influence operation (coordinated inauthentic behaviour)");
        NAMES.put("disinformation", "Disinformation");
        NAMES.put("child-grooming", "Grooming of a child");
        NAMES.put("child-sextortion", "Sexual extortion of a child");
        NAMES.put("child-self-harm", "Encouraging a child's self-harm");
        NAMES.put("child-bullying", "Bullying of a child");
        NAMES.put("child-dangerous-challenge", "Dangerous challenge aimed at children");
    }

    private CategoryNames() {}

    /** The categories detection and briefs know, for people choosing one. */
    public static List<String> known() {
        return List.copyOf(NAMES.keySet());
    }

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
