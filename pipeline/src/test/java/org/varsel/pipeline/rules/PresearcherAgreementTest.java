package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Choosing candidate rules by the text's terms (once the Monitor's presearcher, now {@link TermRequirements}) is an
 * optimisation: it must never lose a match the plain query loop finds. The plain loop runs each query once over an
 * index of every text ({@link NaiveRuleMatcher#matchingRuleIdsOfEach}), not once a text: the same answers, checked
 * against the loop over each text alone on a seeded sample, for a tenth of the work.
 */
class PresearcherAgreementTest {

    private static final RulePack PACK = RepositoryRules.pack();
    private static final List<String> TEXTS = texts(PACK);
    private static final List<Optional<String>> LANGUAGES =
            List.of(Optional.of("en"), Optional.of("da"), Optional.of("ru"), Optional.empty());

    @Test
    void engineFindsExactlyTheRulesThatEveryQueryOverTheTextsFinds() {
        Map<Optional<String>, List<Set<String>>> expected = new HashMap<>();
        OnEveryCore.run(LANGUAGES, PresearcherAgreementTest::everyQueryOverTheTexts)
                .forEach(expected::putAll);
        List<Integer> numbers = IntStream.range(0, TEXTS.size()).boxed().toList();
        int matched = OnEveryCore.run(numbers, share -> agreeingMatches(share, expected)).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(matched).as("the comparison must include matches").isGreaterThan(100);
    }

    @Test
    void everyQueryOverAllTheTextsAtOnceFindsWhatItFindsOverEachTextAlone() {
        Random random = new Random(20261206L);
        List<String> sample =
                random.ints(60, 0, TEXTS.size()).mapToObj(TEXTS::get).toList();
        int matched = OnEveryCore.run(sample, PresearcherAgreementTest::togetherAsAlone).stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(matched).as("the sample must include matches").isGreaterThan(20);
    }

    /** Asserts the loop over the texts together finds what it finds over each alone, in every language. */
    private static int togetherAsAlone(List<String> texts) {
        NaiveRuleMatcher naive = new NaiveRuleMatcher(PACK);
        int matched = 0;
        for (Optional<String> language : LANGUAGES) {
            List<Set<String>> together = naive.matchingRuleIdsOfEach(texts, language);
            for (int t = 0; t < texts.size(); t++) {
                Set<String> alone = naive.matchingRuleIds(texts.get(t), language);
                assertThat(together.get(t))
                        .as("%s [%s]", texts.get(t), language)
                        .isEqualTo(alone);
                matched += alone.isEmpty() ? 0 : 1;
            }
        }
        return matched;
    }

    /** The plain query loop's answers for every text, in each of the languages. */
    private static Map<Optional<String>, List<Set<String>>> everyQueryOverTheTexts(List<Optional<String>> languages) {
        NaiveRuleMatcher naive = new NaiveRuleMatcher(PACK);
        Map<Optional<String>, List<Set<String>>> ids = new HashMap<>();
        languages.forEach(language -> ids.put(language, naive.matchingRuleIdsOfEach(TEXTS, language)));
        return ids;
    }

    /** Asserts the engine and the plain query loop agree on every text in every language; counts texts matched. */
    private static int agreeingMatches(List<Integer> share, Map<Optional<String>, List<Set<String>>> expected) {
        int matched = 0;
        try (RuleEngine engine = RuleEngine.build(PACK)) {
            for (int t : share) {
                for (Optional<String> language : LANGUAGES) {
                    MatchResult result = engine.match(TEXTS.get(t), language);
                    Set<String> ids = new TreeSet<>();
                    result.hits().forEach(h -> ids.add(h.ruleId()));
                    result.shadowHits().forEach(h -> ids.add(h.ruleId()));
                    assertThat(ids)
                            .as("%s [%s]", TEXTS.get(t), language)
                            .isEqualTo(expected.get(language).get(t));
                    matched += ids.isEmpty() ? 0 : 1;
                }
            }
        }
        return matched;
    }

    /** Every rule's examples and 300 random mixes of their words. */
    private static List<String> texts(RulePack pack) {
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
        return texts;
    }
}
