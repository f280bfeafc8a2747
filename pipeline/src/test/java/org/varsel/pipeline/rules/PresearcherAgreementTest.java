package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Choosing candidate rules by the text's terms (once the Monitor's presearcher, now {@link TermRequirements}) is an
 * optimisation: it must never lose a match the plain query loop finds.
 */
class PresearcherAgreementTest {

    @Test
    void engineFindsExactlyTheRulesThatEveryQueryOverAMemoryIndexFinds() {
        RulePack pack = RepositoryRules.pack();
        List<String> texts = new ArrayList<>();
        pack.rules().forEach(r -> {
            texts.addAll(r.examples().match());
            texts.addAll(r.examples().noMatch());
        });
        Random random = new Random(99);
        List<String> words =
                texts.stream().flatMap(t -> Arrays.stream(t.split("\\s+"))).toList();
        for (int i = 0; i < 300; i++) {
            StringBuilder mix = new StringBuilder();
            for (int w = 0; w < 8 + random.nextInt(20); w++) {
                mix.append(words.get(random.nextInt(words.size()))).append(' ');
            }
            texts.add(mix.toString());
        }
        List<Optional<String>> languages =
                List.of(Optional.of("en"), Optional.of("da"), Optional.of("ru"), Optional.empty());
        int matched = OnEveryCore.run(texts, share -> agreeingMatches(pack, share, languages)).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(matched).as("the comparison must include matches").isGreaterThan(100);
    }

    /** Asserts the engine and the plain query loop agree on every text in every language; counts texts matched. */
    private static int agreeingMatches(RulePack pack, List<String> texts, List<Optional<String>> languages) {
        NaiveRuleMatcher naive = new NaiveRuleMatcher(pack);
        int matched = 0;
        try (RuleEngine engine = RuleEngine.build(pack)) {
            for (String text : texts) {
                for (Optional<String> language : languages) {
                    MatchResult result = engine.match(text, language);
                    Set<String> ids = new TreeSet<>();
                    result.hits().forEach(h -> ids.add(h.ruleId()));
                    result.shadowHits().forEach(h -> ids.add(h.ruleId()));
                    assertThat(ids).as("%s [%s]", text, language).isEqualTo(naive.matchingRuleIds(text, language));
                    matched += ids.isEmpty() ? 0 : 1;
                }
            }
        }
        return matched;
    }
}
