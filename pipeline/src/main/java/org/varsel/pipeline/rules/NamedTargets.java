package org.varsel.pipeline.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whom one text names, and the kinds of lexicon words it holds, by the rules' lexicons ({@link TargetWords}).
 *
 * @param groups the groups its target-group and slur words name ({@code muslims}, {@code politicians})
 * @param person a word that reads as a person's name
 * @param words where its lexicon words stand: each lexicon entry and each second-person pronoun, by the words it spans
 */
public record NamedTargets(List<String> groups, boolean person, List<WordSpan> words) {
    public static final NamedTargets NONE = new NamedTargets(List.of(), false, List.of());

    /** The reader is addressed in the second person ("you", "du"). */
    public boolean reader() {
        return words.stream().anyMatch(w -> w.kind().isEmpty());
    }

    /** The kinds of the lexicon entries it holds (violent action, dehumanisation, slur, ...). */
    public Set<LexiconKind> kinds() {
        Set<LexiconKind> kinds = EnumSet.noneOf(LexiconKind.class);
        words.forEach(w -> w.kind().ifPresent(kinds::add));
        return kinds;
    }

    /**
     * One lexicon entry, or the reader addressed, and the words it spans (counted from the text's first word).
     *
     * @param kind the entry's lexicon kind; empty for a second-person pronoun
     * @param namesGroup the entry names a group (a target-group or slur entry with a group)
     */
    public record WordSpan(Optional<LexiconKind> kind, boolean namesGroup, int first, int last) {
        /** The words strictly between the two spans: 0 when they touch or overlap. */
        public int wordsTo(WordSpan other) {
            return Math.max(0, Math.max(other.first - last - 1, first - other.last - 1));
        }
    }
}
