package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Danish subject filter's own word lists and the analysts' Danish lexicons name the same modals, subject pronouns
 * and group words: a word an analyst adds to a lexicon is read by the filter too, and the filter knows no subject the
 * lexicons do not.
 */
class DanishSubjectFilterWordsTest {

    /** The one-word entries and forms of the Danish lexicon {@code name}, in lower case. */
    private static Set<String> words(String name) {
        List<Lexicon> danish = RepositoryRules.lexicons().stream()
                .filter(l -> l.name().equals(name) && l.language() == RuleLanguage.DA)
                .toList();
        assertThat(danish).as("Danish lexicon %s", name).hasSize(1);
        return danish.get(0).entries().stream()
                .flatMap(e -> e.allForms().stream())
                .filter(f -> !f.contains(" "))
                .map(f -> f.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    @Test
    void readsEveryModalOfTheModalLexiconAsAFiniteVerb() {
        assertThat(words("modal")).isNotEmpty().allMatch(DanishSubjectFilter::isFiniteVerb);
    }

    @Test
    void readsEveryFirstPersonOfTheLexiconAsASubject() {
        assertThat(words("first_person")).isNotEmpty().allMatch(DanishSubjectFilter::isSubject);
    }

    @Test
    void knowsNoPersonalSubjectTheLexiconsDoNotList() {
        Set<String> listed = words("first_person");
        listed.addAll(words("harm_person"));
        // "man" (one, people) is nobody a threat names, so no lexicon of persons lists it
        assertThat(DanishSubjectFilter.SUBJECTS)
                .filteredOn(s -> !s.equals("man"))
                .allMatch(listed::contains);
    }

    @Test
    void opensAGroupSubjectWithTheQuantifierLexiconsWordsForAWholeGroup() {
        assertThat(words("quantifier")).containsAll(DanishSubjectFilter.GROUP_DETERMINERS);
    }
}
