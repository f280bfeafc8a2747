package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;

/**
 * Making matching cheaper must not change what matches: for the bundled rules, packs that lack a language, and
 * generated packs, over the rules' examples and mixed texts with every kind of language tag, {@link RuleEngine}
 * returns exactly what {@link UnoptimisedRuleEngine} (the engine before the change) returns: the same active and
 * shadow rules, in the same order, with the same matched terms, offsets and explanations.
 */
class RuleEngineEquivalenceTest {

    private static final List<Optional<String>> TAGS = List.of(
            Optional.empty(),
            Optional.of(""),
            Optional.of(" "),
            Optional.of("en"),
            Optional.of("en-GB"),
            Optional.of("English"),
            Optional.of("da"),
            Optional.of("dansk"),
            Optional.of("da_DK"),
            Optional.of("ru"),
            Optional.of("und"));

    private static final RulePack BUNDLED = RepositoryRules.pack();

    /**
     * The rule whose first example, repeated, gives a hit with more spans than a hit reports: "Burkas and barbarians
     * everywhere. We need to start thinning them out, these migrants." opens a sentence, and so a match, each time.
     */
    private static final String REPEATED_EXAMPLE_RULE = "cg-en-group-culled-by-us";

    @Test
    void bundledRules() {
        Tally t = compare(BUNDLED, texts(BUNDLED, 300));
        assertThat(t.active).as("active hits compared").isGreaterThan(300);
        assertThat(t.terms).as("matched terms compared").isGreaterThan(600);
        assertThat(t.languageDependent).as("texts whose hits depend on the tag").isGreaterThan(50);
        assertThat(t.capped).as("hits with the most matched terms reported").isGreaterThan(0);
    }

    @Test
    void packsWithoutSomeLanguagesSkipNothingThatCouldMatch() {
        for (Predicate<Rule> keep : List.<Predicate<Rule>>of(
                r -> !r.languages().contains(RuleLanguage.DA),
                r -> r.languages().equals(List.of(RuleLanguage.EN)),
                r -> r.languages().equals(List.of(RuleLanguage.DA)),
                r -> !r.languages().contains(RuleLanguage.EN))) {
            RulePack pack =
                    RulePack.of("subset", BUNDLED.rules().stream().filter(keep).toList(), BUNDLED.lexicons());
            Tally t = compare(pack, texts(BUNDLED, 150));
            assertThat(t.active + t.shadow)
                    .as("hits compared for %s", pack.rules().size())
                    .isGreaterThan(20);
        }
    }

    @Test
    void generatedPackInEveryLanguageCombinationWithShadowRules() {
        List<String> texts = texts(BUNDLED, 200);
        RulePack pack = generated(texts, 600);
        Tally t = compare(pack, texts);
        assertThat(t.active).as("active hits compared").isGreaterThan(500);
        assertThat(t.shadow).as("shadow hits compared").isGreaterThan(50);
    }

    @Test
    void bundledAndGeneratedTogetherAsInTheBenchmark() {
        List<String> texts = texts(BUNDLED, 150);
        List<Rule> rules = new ArrayList<>(BUNDLED.rules());
        rules.addAll(generated(texts, 1_000 - rules.size()).rules());
        Tally t = compare(RulePack.of("bench-like", rules, BUNDLED.lexicons()), texts);
        assertThat(t.active).isGreaterThan(500);
        assertThat(t.shadow).isGreaterThan(50);
    }

    /** What the comparison covered, so a comparison of empty results cannot pass for a test. */
    private static final class Tally {
        int active;
        int shadow;
        int terms;
        int capped;
        int languageDependent;

        Tally plus(Tally o) {
            active += o.active;
            shadow += o.shadow;
            terms += o.terms;
            capped += o.capped;
            languageDependent += o.languageDependent;
            return this;
        }
    }

    /** Every text with every tag, the texts shared out over the cores, each core with its own two engines. */
    private static Tally compare(RulePack pack, List<String> texts) {
        return OnEveryCore.run(texts, share -> compareShare(pack, share)).stream()
                .reduce(new Tally(), Tally::plus);
    }

    private static Tally compareShare(RulePack pack, List<String> texts) {
        Tally t = new Tally();
        try (RuleEngine engine = RuleEngine.build(pack);
                UnoptimisedRuleEngine before = new UnoptimisedRuleEngine(pack)) {
            for (String text : texts) {
                // the reference reads a tag only as the fields it names: tags naming the same fields share one run
                Map<List<RuleLanguage>, MatchResult> referenceByFields = new HashMap<>();
                MatchResult untagged = null;
                boolean dependent = false;
                for (Optional<String> tag : TAGS) {
                    MatchResult expected = referenceByFields.computeIfAbsent(
                            UnoptimisedRuleEngine.unoptimisedFieldsFor(tag), fields -> before.match(text, tag));
                    assertThat(engine.match(text, tag)).as("%s [%s]", text, tag).isEqualTo(expected);
                    t.active += expected.hits().size();
                    t.shadow += expected.shadowHits().size();
                    for (RuleHit h : expected.hits()) {
                        t.terms += h.matchedTerms().size();
                        t.capped += h.matchedTerms().size() == RuleEngine.MAX_MATCHED_TERMS ? 1 : 0;
                    }
                    if (untagged == null) {
                        untagged = expected;
                    } else {
                        dependent |= !expected.equals(untagged);
                    }
                }
                t.languageDependent += dependent ? 1 : 0;
            }
        }
        return t;
    }

    /** The rules' examples, obfuscated and accented variants, and random mixes of their words. */
    static List<String> texts(RulePack pack, int mixes) {
        List<String> texts = new ArrayList<>(List.of("", " ", "!!!", "2016 @user #tag https://example.com/x?y=1"));
        pack.rules().forEach(r -> {
            texts.addAll(r.examples().match());
            texts.addAll(r.examples().noMatch());
        });
        List<String> words = texts.stream()
                .flatMap(x -> Arrays.stream(x.split("\\s+")))
                .filter(w -> !w.isBlank())
                .toList();
        Random random = new Random(20261123L);
        for (int i = 0; i < mixes; i++) {
            StringBuilder mix = new StringBuilder();
            int n = 4 + random.nextInt(30);
            for (int w = 0; w < n; w++) {
                String word = words.get(random.nextInt(words.size()));
                switch (random.nextInt(12)) {
                    case 0 -> word = String.join(".", word.split(""));
                    case 1 -> word = word.toUpperCase(Locale.ROOT);
                    case 2 -> word = word.replace('i', '1').replace('a', '@');
                    case 3 -> word = word.replace("e", "eee");
                    default -> {}
                }
                mix.append(word).append(random.nextInt(5) == 0 ? ", " : " ");
            }
            texts.add(mix.toString());
        }
        // a matching example over and over: more spans than a hit reports. Chosen by its id, not as the pack's first
        // rule: a rule anchored at a clause's start matches only the first repetition
        // (RepeatedExampleMatchedTermsTest),
        // and a new file that sorted first turned this count to 0 (session 26). This example opens a sentence each
        // time.
        texts.add((example(pack, REPEATED_EXAMPLE_RULE) + " ").repeat(12));
        return texts;
    }

    /** The first matching example of the rule {@code id}; fails when the pack has no such rule or example. */
    private static String example(RulePack pack, String id) {
        return pack.rules().stream()
                .filter(r -> r.id().equals(id))
                .flatMap(r -> r.examples().match().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + id + " with a matching example in " + pack.name()));
    }

    /** Rules over words of the texts in every language combination and query shape, every fifth one shadow. */
    private static RulePack generated(List<String> texts, int count) {
        List<String> words = texts.stream()
                .flatMap(x -> Arrays.stream(x.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
                .filter(w -> w.length() >= 5)
                .distinct()
                .sorted()
                .toList();
        List<List<RuleLanguage>> languages = List.of(
                List.of(RuleLanguage.ANY),
                List.of(RuleLanguage.EN),
                List.of(RuleLanguage.DA),
                List.of(RuleLanguage.EN, RuleLanguage.DA),
                List.of(RuleLanguage.EN, RuleLanguage.ANY),
                List.of(RuleLanguage.DA, RuleLanguage.EN, RuleLanguage.ANY));
        Random random = new Random(5);
        RuleQueryCompiler compiler = new RuleQueryCompiler(RuleAnalyzer.perField());
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; rules.size() < count; i++) {
            String a = words.get(random.nextInt(words.size()));
            String b = words.get(random.nextInt(words.size()));
            String c = words.get(random.nextInt(words.size()));
            String query = switch (i % 8) {
                case 0 -> a;
                case 1 -> a + " AND " + b;
                case 2 -> "\"" + a + " " + b + "\"~3";
                case 3 -> a + " OR (" + b + " AND " + c + ")";
                case 4 -> a.substring(0, 4) + "* AND " + b;
                case 5 -> a + " AND NOT " + b;
                case 6 -> a + "~1 AND " + b;
                default -> "(" + a + " OR " + b + ") AND (" + c + " OR " + a.substring(0, 3) + "*)";
            };
            List<RuleLanguage> in = languages.get(i % languages.size());
            if (!compiler.compile(query, in).ok()) {
                continue; // a prefix or fuzzy term that folds too short ("feel*" is "fel*")
            }
            rules.add(new Rule(
                    String.format(Locale.ROOT, "gen-%04d", i),
                    "generated " + i,
                    "Matched {matched}.",
                    query,
                    in,
                    "incitement",
                    List.of("topic:test"),
                    1 + i % 5,
                    Tlp.GREEN,
                    i % 5 == 0 ? RuleStatus.SHADOW : RuleStatus.ACTIVE,
                    "test",
                    List.of(),
                    null));
        }
        return RulePack.of("generated", rules);
    }
}
