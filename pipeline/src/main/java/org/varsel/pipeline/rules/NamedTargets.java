package org.varsel.pipeline.rules;

import java.util.List;
import java.util.Set;

/**
 * Whom one text names, and the kinds of lexicon words it holds, by the rules' lexicons ({@link TargetWords}).
 *
 * @param groups the groups its target-group and slur words name ({@code muslims}, {@code politicians})
 * @param person a word that reads as a person's name
 * @param reader the reader addressed in the second person ("you", "du")
 * @param kinds the kinds of the lexicon entries it holds (violent action, dehumanisation, slur, ...)
 */
public record NamedTargets(List<String> groups, boolean person, boolean reader, Set<LexiconKind> kinds) {
    public static final NamedTargets NONE = new NamedTargets(List.of(), false, false, Set.of());
}
